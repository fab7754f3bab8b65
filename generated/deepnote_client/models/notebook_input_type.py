from ..types import OpenStrEnum


class NotebookInputType(OpenStrEnum):
    INPUT_CHECKBOX = "input-checkbox"
    INPUT_DATE = "input-date"
    INPUT_DATE_RANGE = "input-date-range"
    INPUT_FILE = "input-file"
    INPUT_SELECT = "input-select"
    INPUT_SLIDER = "input-slider"
    INPUT_TEXT = "input-text"
    INPUT_TEXTAREA = "input-textarea"
