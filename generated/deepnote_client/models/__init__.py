"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_level import AccessLevel
    from .block_placement_after import BlockPlacementAfter
    from .block_placement_end import BlockPlacementEnd
    from .block_placement_start import BlockPlacementStart
    from .copy_file_body import CopyFileBody
    from .copy_file_response import CopyFileResponse
    from .create_file_multipart_body import CreateFileMultipartBody
    from .create_file_response import CreateFileResponse
    from .create_notebook_body import CreateNotebookBody
    from .create_notebook_response import CreateNotebookResponse
    from .create_project_body import CreateProjectBody
    from .create_project_response import CreateProjectResponse
    from .create_run_body import CreateRunBody
    from .create_run_response import CreateRunResponse
    from .cursor_pagination import CursorPagination
    from .detached_run_storage_mode import DetachedRunStorageMode
    from .error_response import ErrorResponse
    from .file_reference import FileReference
    from .folder import Folder
    from .folder_path_entry import FolderPathEntry
    from .get_notebook_response import GetNotebookResponse
    from .get_project_response import GetProjectResponse
    from .get_run_response import GetRunResponse
    from .import_notebook_action import ImportNotebookAction
    from .import_project_response import ImportProjectResponse
    from .imported_notebook import ImportedNotebook
    from .imported_project import ImportedProject
    from .list_notebook_run import ListNotebookRun
    from .list_notebook_runs_response import ListNotebookRunsResponse
    from .list_projects_item import ListProjectsItem
    from .list_projects_response import ListProjectsResponse
    from .me import Me
    from .me_api_key import MeApiKey
    from .me_user import MeUser
    from .me_workspace import MeWorkspace
    from .notebook import Notebook
    from .notebook_block import NotebookBlock
    from .notebook_input import NotebookInput
    from .notebook_input_type import NotebookInputType
    from .notebook_schedule import NotebookSchedule
    from .project import Project
    from .project_file import ProjectFile
    from .project_notebook import ProjectNotebook
    from .project_static_files import ProjectStaticFiles
    from .project_type import ProjectType
    from .rename_notebook_body import RenameNotebookBody
    from .rename_notebook_response import RenameNotebookResponse
    from .reorder_blocks_body import ReorderBlocksBody
    from .reorder_blocks_response import ReorderBlocksResponse
    from .run import Run
    from .run_inputs import RunInputs
    from .run_status import RunStatus
    from .schedule_notebook_body import ScheduleNotebookBody
    from .schedule_notebook_response import ScheduleNotebookResponse
    from .snapshot_block import SnapshotBlock
    from .snapshot_block_metadata import SnapshotBlockMetadata
    from .snapshot_block_output import SnapshotBlockOutput
    from .snapshot_delivery import SnapshotDelivery
    from .snapshot_status import SnapshotStatus
    from .update_project_body import UpdateProjectBody
    from .update_project_response import UpdateProjectResponse
    from .update_project_static_files import UpdateProjectStaticFiles

_MODULES = {
    "AccessLevel": ".access_level",
    "BlockPlacementAfter": ".block_placement_after",
    "BlockPlacementEnd": ".block_placement_end",
    "BlockPlacementStart": ".block_placement_start",
    "CopyFileBody": ".copy_file_body",
    "CopyFileResponse": ".copy_file_response",
    "CreateFileMultipartBody": ".create_file_multipart_body",
    "CreateFileResponse": ".create_file_response",
    "CreateNotebookBody": ".create_notebook_body",
    "CreateNotebookResponse": ".create_notebook_response",
    "CreateProjectBody": ".create_project_body",
    "CreateProjectResponse": ".create_project_response",
    "CreateRunBody": ".create_run_body",
    "CreateRunResponse": ".create_run_response",
    "CursorPagination": ".cursor_pagination",
    "DetachedRunStorageMode": ".detached_run_storage_mode",
    "ErrorResponse": ".error_response",
    "FileReference": ".file_reference",
    "Folder": ".folder",
    "FolderPathEntry": ".folder_path_entry",
    "GetNotebookResponse": ".get_notebook_response",
    "GetProjectResponse": ".get_project_response",
    "GetRunResponse": ".get_run_response",
    "ImportNotebookAction": ".import_notebook_action",
    "ImportProjectResponse": ".import_project_response",
    "ImportedNotebook": ".imported_notebook",
    "ImportedProject": ".imported_project",
    "ListNotebookRun": ".list_notebook_run",
    "ListNotebookRunsResponse": ".list_notebook_runs_response",
    "ListProjectsItem": ".list_projects_item",
    "ListProjectsResponse": ".list_projects_response",
    "Me": ".me",
    "MeApiKey": ".me_api_key",
    "MeUser": ".me_user",
    "MeWorkspace": ".me_workspace",
    "Notebook": ".notebook",
    "NotebookBlock": ".notebook_block",
    "NotebookInput": ".notebook_input",
    "NotebookInputType": ".notebook_input_type",
    "NotebookSchedule": ".notebook_schedule",
    "Project": ".project",
    "ProjectFile": ".project_file",
    "ProjectNotebook": ".project_notebook",
    "ProjectStaticFiles": ".project_static_files",
    "ProjectType": ".project_type",
    "RenameNotebookBody": ".rename_notebook_body",
    "RenameNotebookResponse": ".rename_notebook_response",
    "ReorderBlocksBody": ".reorder_blocks_body",
    "ReorderBlocksResponse": ".reorder_blocks_response",
    "Run": ".run",
    "RunInputs": ".run_inputs",
    "RunStatus": ".run_status",
    "ScheduleNotebookBody": ".schedule_notebook_body",
    "ScheduleNotebookResponse": ".schedule_notebook_response",
    "SnapshotBlock": ".snapshot_block",
    "SnapshotBlockMetadata": ".snapshot_block_metadata",
    "SnapshotBlockOutput": ".snapshot_block_output",
    "SnapshotDelivery": ".snapshot_delivery",
    "SnapshotStatus": ".snapshot_status",
    "UpdateProjectBody": ".update_project_body",
    "UpdateProjectResponse": ".update_project_response",
    "UpdateProjectStaticFiles": ".update_project_static_files",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_MODULES))


__all__ = (
    "AccessLevel",
    "BlockPlacementAfter",
    "BlockPlacementEnd",
    "BlockPlacementStart",
    "CopyFileBody",
    "CopyFileResponse",
    "CreateFileMultipartBody",
    "CreateFileResponse",
    "CreateNotebookBody",
    "CreateNotebookResponse",
    "CreateProjectBody",
    "CreateProjectResponse",
    "CreateRunBody",
    "CreateRunResponse",
    "CursorPagination",
    "DetachedRunStorageMode",
    "ErrorResponse",
    "FileReference",
    "Folder",
    "FolderPathEntry",
    "GetNotebookResponse",
    "GetProjectResponse",
    "GetRunResponse",
    "ImportNotebookAction",
    "ImportProjectResponse",
    "ImportedNotebook",
    "ImportedProject",
    "ListNotebookRun",
    "ListNotebookRunsResponse",
    "ListProjectsItem",
    "ListProjectsResponse",
    "Me",
    "MeApiKey",
    "MeUser",
    "MeWorkspace",
    "Notebook",
    "NotebookBlock",
    "NotebookInput",
    "NotebookInputType",
    "NotebookSchedule",
    "Project",
    "ProjectFile",
    "ProjectNotebook",
    "ProjectStaticFiles",
    "ProjectType",
    "RenameNotebookBody",
    "RenameNotebookResponse",
    "ReorderBlocksBody",
    "ReorderBlocksResponse",
    "Run",
    "RunInputs",
    "RunStatus",
    "ScheduleNotebookBody",
    "ScheduleNotebookResponse",
    "SnapshotBlock",
    "SnapshotBlockMetadata",
    "SnapshotBlockOutput",
    "SnapshotDelivery",
    "SnapshotStatus",
    "UpdateProjectBody",
    "UpdateProjectResponse",
    "UpdateProjectStaticFiles",
)
