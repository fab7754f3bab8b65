"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_level import AccessLevel
    from .block import Block
    from .block_metadata import BlockMetadata
    from .block_placement_after import BlockPlacementAfter
    from .block_placement_end import BlockPlacementEnd
    from .block_placement_start import BlockPlacementStart
    from .block_type import BlockType
    from .copy_file_body import CopyFileBody
    from .copy_file_response import CopyFileResponse
    from .create_block_body import CreateBlockBody
    from .create_block_response import CreateBlockResponse
    from .create_file_multipart_body import CreateFileMultipartBody
    from .create_file_response import CreateFileResponse
    from .create_notebook_body import CreateNotebookBody
    from .create_notebook_response import CreateNotebookResponse
    from .create_project_body import CreateProjectBody
    from .create_project_response import CreateProjectResponse
    from .create_run_body import CreateRunBody
    from .create_run_response import CreateRunResponse
    from .create_session_body import CreateSessionBody
    from .create_session_response import CreateSessionResponse
    from .create_streamlit_app_body import CreateStreamlitAppBody
    from .create_streamlit_app_response import CreateStreamlitAppResponse
    from .cursor_pagination import CursorPagination
    from .detached_run_storage_mode import DetachedRunStorageMode
    from .error_response import ErrorResponse
    from .execute_session_code_body import ExecuteSessionCodeBody
    from .execute_session_code_response import ExecuteSessionCodeResponse
    from .file_reference import FileReference
    from .folder import Folder
    from .folder_path_entry import FolderPathEntry
    from .get_block_response import GetBlockResponse
    from .get_integration_response import GetIntegrationResponse
    from .get_machine_response import GetMachineResponse
    from .get_notebook_response import GetNotebookResponse
    from .get_project_response import GetProjectResponse
    from .get_run_response import GetRunResponse
    from .get_streamlit_app_status_response import GetStreamlitAppStatusResponse
    from .import_notebook_action import ImportNotebookAction
    from .import_project_response import ImportProjectResponse
    from .imported_notebook import ImportedNotebook
    from .imported_project import ImportedProject
    from .integration_list_item import IntegrationListItem
    from .integration_metadata import IntegrationMetadata
    from .integration_table import IntegrationTable
    from .integration_table_column import IntegrationTableColumn
    from .list_integrations_has_schema import ListIntegrationsHasSchema
    from .list_integrations_include_metadata import ListIntegrationsIncludeMetadata
    from .list_integrations_response import ListIntegrationsResponse
    from .list_machine_types_response import ListMachineTypesResponse
    from .list_notebook_run import ListNotebookRun
    from .list_notebook_runs_response import ListNotebookRunsResponse
    from .list_projects_item import ListProjectsItem
    from .list_projects_response import ListProjectsResponse
    from .list_streamlit_apps_response import ListStreamlitAppsResponse
    from .machine_status import MachineStatus
    from .machine_type import MachineType
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
    from .project_machine import ProjectMachine
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
    from .search_partial_failure import SearchPartialFailure
    from .search_response import SearchResponse
    from .search_results import SearchResults
    from .session import Session
    from .session_run import SessionRun
    from .session_storage_mode import SessionStorageMode
    from .snapshot_block import SnapshotBlock
    from .snapshot_block_metadata import SnapshotBlockMetadata
    from .snapshot_block_output import SnapshotBlockOutput
    from .snapshot_delivery import SnapshotDelivery
    from .snapshot_status import SnapshotStatus
    from .streamlit_app import StreamlitApp
    from .streamlit_app_status import StreamlitAppStatus
    from .update_block_body import UpdateBlockBody
    from .update_block_response import UpdateBlockResponse
    from .update_project_body import UpdateProjectBody
    from .update_project_response import UpdateProjectResponse
    from .update_project_static_files import UpdateProjectStaticFiles
    from .updated_block import UpdatedBlock

_MODULES = {
    "AccessLevel": ".access_level",
    "Block": ".block",
    "BlockMetadata": ".block_metadata",
    "BlockPlacementAfter": ".block_placement_after",
    "BlockPlacementEnd": ".block_placement_end",
    "BlockPlacementStart": ".block_placement_start",
    "BlockType": ".block_type",
    "CopyFileBody": ".copy_file_body",
    "CopyFileResponse": ".copy_file_response",
    "CreateBlockBody": ".create_block_body",
    "CreateBlockResponse": ".create_block_response",
    "CreateFileMultipartBody": ".create_file_multipart_body",
    "CreateFileResponse": ".create_file_response",
    "CreateNotebookBody": ".create_notebook_body",
    "CreateNotebookResponse": ".create_notebook_response",
    "CreateProjectBody": ".create_project_body",
    "CreateProjectResponse": ".create_project_response",
    "CreateRunBody": ".create_run_body",
    "CreateRunResponse": ".create_run_response",
    "CreateSessionBody": ".create_session_body",
    "CreateSessionResponse": ".create_session_response",
    "CreateStreamlitAppBody": ".create_streamlit_app_body",
    "CreateStreamlitAppResponse": ".create_streamlit_app_response",
    "CursorPagination": ".cursor_pagination",
    "DetachedRunStorageMode": ".detached_run_storage_mode",
    "ErrorResponse": ".error_response",
    "ExecuteSessionCodeBody": ".execute_session_code_body",
    "ExecuteSessionCodeResponse": ".execute_session_code_response",
    "FileReference": ".file_reference",
    "Folder": ".folder",
    "FolderPathEntry": ".folder_path_entry",
    "GetBlockResponse": ".get_block_response",
    "GetIntegrationResponse": ".get_integration_response",
    "GetMachineResponse": ".get_machine_response",
    "GetNotebookResponse": ".get_notebook_response",
    "GetProjectResponse": ".get_project_response",
    "GetRunResponse": ".get_run_response",
    "GetStreamlitAppStatusResponse": ".get_streamlit_app_status_response",
    "ImportNotebookAction": ".import_notebook_action",
    "ImportProjectResponse": ".import_project_response",
    "ImportedNotebook": ".imported_notebook",
    "ImportedProject": ".imported_project",
    "IntegrationListItem": ".integration_list_item",
    "IntegrationMetadata": ".integration_metadata",
    "IntegrationTable": ".integration_table",
    "IntegrationTableColumn": ".integration_table_column",
    "ListIntegrationsHasSchema": ".list_integrations_has_schema",
    "ListIntegrationsIncludeMetadata": ".list_integrations_include_metadata",
    "ListIntegrationsResponse": ".list_integrations_response",
    "ListMachineTypesResponse": ".list_machine_types_response",
    "ListNotebookRun": ".list_notebook_run",
    "ListNotebookRunsResponse": ".list_notebook_runs_response",
    "ListProjectsItem": ".list_projects_item",
    "ListProjectsResponse": ".list_projects_response",
    "ListStreamlitAppsResponse": ".list_streamlit_apps_response",
    "MachineStatus": ".machine_status",
    "MachineType": ".machine_type",
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
    "ProjectMachine": ".project_machine",
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
    "SearchPartialFailure": ".search_partial_failure",
    "SearchResponse": ".search_response",
    "SearchResults": ".search_results",
    "Session": ".session",
    "SessionRun": ".session_run",
    "SessionStorageMode": ".session_storage_mode",
    "SnapshotBlock": ".snapshot_block",
    "SnapshotBlockMetadata": ".snapshot_block_metadata",
    "SnapshotBlockOutput": ".snapshot_block_output",
    "SnapshotDelivery": ".snapshot_delivery",
    "SnapshotStatus": ".snapshot_status",
    "StreamlitApp": ".streamlit_app",
    "StreamlitAppStatus": ".streamlit_app_status",
    "UpdateBlockBody": ".update_block_body",
    "UpdateBlockResponse": ".update_block_response",
    "UpdateProjectBody": ".update_project_body",
    "UpdateProjectResponse": ".update_project_response",
    "UpdateProjectStaticFiles": ".update_project_static_files",
    "UpdatedBlock": ".updated_block",
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
    "Block",
    "BlockMetadata",
    "BlockPlacementAfter",
    "BlockPlacementEnd",
    "BlockPlacementStart",
    "BlockType",
    "CopyFileBody",
    "CopyFileResponse",
    "CreateBlockBody",
    "CreateBlockResponse",
    "CreateFileMultipartBody",
    "CreateFileResponse",
    "CreateNotebookBody",
    "CreateNotebookResponse",
    "CreateProjectBody",
    "CreateProjectResponse",
    "CreateRunBody",
    "CreateRunResponse",
    "CreateSessionBody",
    "CreateSessionResponse",
    "CreateStreamlitAppBody",
    "CreateStreamlitAppResponse",
    "CursorPagination",
    "DetachedRunStorageMode",
    "ErrorResponse",
    "ExecuteSessionCodeBody",
    "ExecuteSessionCodeResponse",
    "FileReference",
    "Folder",
    "FolderPathEntry",
    "GetBlockResponse",
    "GetIntegrationResponse",
    "GetMachineResponse",
    "GetNotebookResponse",
    "GetProjectResponse",
    "GetRunResponse",
    "GetStreamlitAppStatusResponse",
    "ImportNotebookAction",
    "ImportProjectResponse",
    "ImportedNotebook",
    "ImportedProject",
    "IntegrationListItem",
    "IntegrationMetadata",
    "IntegrationTable",
    "IntegrationTableColumn",
    "ListIntegrationsHasSchema",
    "ListIntegrationsIncludeMetadata",
    "ListIntegrationsResponse",
    "ListMachineTypesResponse",
    "ListNotebookRun",
    "ListNotebookRunsResponse",
    "ListProjectsItem",
    "ListProjectsResponse",
    "ListStreamlitAppsResponse",
    "MachineStatus",
    "MachineType",
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
    "ProjectMachine",
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
    "SearchPartialFailure",
    "SearchResponse",
    "SearchResults",
    "Session",
    "SessionRun",
    "SessionStorageMode",
    "SnapshotBlock",
    "SnapshotBlockMetadata",
    "SnapshotBlockOutput",
    "SnapshotDelivery",
    "SnapshotStatus",
    "StreamlitApp",
    "StreamlitAppStatus",
    "UpdateBlockBody",
    "UpdateBlockResponse",
    "UpdateProjectBody",
    "UpdateProjectResponse",
    "UpdateProjectStaticFiles",
    "UpdatedBlock",
)
