"""A griffe extension for the API reference: a function decorated ``@<name>parameters_of(model)``
shows ``model``'s parameters (and, after its own docstring, ``model``'s).

Such a decorator gives a function the parameters of another, declared once there (mypy and
``inspect.signature`` see them through the decorator's types and ``__signature__``); griffe reads
the source without running it, so it would show ``*args, **kwargs``. A method keeps its ``self``.
"""

from __future__ import annotations

from typing import Any

import griffe

_DECORATOR_SUFFIX = "parameters_of"


class SharedParameters(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for function in _functions(pkg):
            model = _model_of(function)
            if model is None:
                continue
            own = [p for p in function.parameters if p.name in ("self", "cls")][:1]
            function.parameters = griffe.Parameters(*own, *model.parameters)
            if model.docstring is not None:
                text = model.docstring.value
                if function.docstring is not None:
                    text = f"{function.docstring.value}\n\n{text}"
                function.docstring = griffe.Docstring(text, parent=function)


def _functions(obj: griffe.Object) -> list[griffe.Function]:
    found: list[griffe.Function] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Function):
            found.append(member)
        elif isinstance(member, griffe.Class | griffe.Module):
            found.extend(_functions(member))
    return found


def _model_of(function: griffe.Function) -> griffe.Function | None:
    for decorator in function.decorators:
        call = decorator.value
        if not isinstance(call, griffe.ExprCall) or not str(call.function).endswith(_DECORATOR_SUFFIX):
            continue
        if len(call.arguments) != 1 or not isinstance(call.arguments[0], griffe.ExprName):
            continue
        target = function.module.get_member(call.arguments[0].name)
        while target.is_alias:
            target = target.final_target
        if isinstance(target, griffe.Function):
            return target
    return None
