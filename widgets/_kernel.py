"""Kernels that talk to the build over IPC (Unix sockets) instead of TCP ports.

myst-nb starts one kernel per notebook, and over TCP each kernel gets five ports that the
build picks as free just before the kernel binds them: on a busy machine another process can
take one in between ("Address already in use"), and a port on 127.0.0.1 is open to every user
of the machine. IPC sockets are files in the user's own Jupyter runtime folder.

myst-nb passes no configuration to the kernels it starts, so a traitlets setting such as
``c.KernelManager.transport = "ipc"`` is never read. jupyter_client's own extension point is
used instead: a kernel provisioner (registered in pyproject.toml), chosen as the default by the
environment variable jupyter_client reads for that.
"""

from __future__ import annotations

import os
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from jupyter_core.paths import jupyter_runtime_dir

NAME = "integraal-ipc"
"""The provisioner's name, as pyproject.toml registers it."""
ENV = "JUPYTER_DEFAULT_PROVISIONER_NAME"


class IpcProvisioner(LocalProvisioner):
    """The local provisioner, with the kernel manager switched to the ipc transport."""

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        manager = self.parent
        if manager is not None and manager.transport != "ipc":
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
            manager.transport = "ipc"
            # The sockets' path prefix: one per kernel, in a folder only this user can read.
            manager.ip = str(runtime / f"kernel-{manager.kernel_id}-ipc")
        return await super().pre_launch(**kwargs)


def use_ipc_kernels() -> bool:
    """Make IPC the default for kernels this process starts; False where the provisioner is
    not registered (the package not installed), which leaves jupyter_client's TCP default."""
    if not entry_points(group="jupyter_client.kernel_provisioners", name=NAME):
        return False
    os.environ.setdefault(ENV, NAME)
    return os.environ[ENV] == NAME


def run_kernels_over_ipc(app: Any, config: Any) -> None:
    """Before any notebook is executed: kernels use IPC, not TCP ports."""
    if not use_ipc_kernels():
        from sphinx.util import logging

        logging.getLogger(__name__).info(
            "widgets: kernels use TCP (the package is not installed, so no IPC provisioner)"
        )


def setup_kernels(app: Any) -> None:
    # config-inited: before myst-nb starts any kernel (it executes pages as they are read)
    app.connect("config-inited", run_kernels_over_ipc)
