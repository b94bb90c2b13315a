"""The build's kernels talk over IPC (socket files in the user's runtime folder), not TCP ports."""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat
from jupyter_core.paths import jupyter_runtime_dir

from widgets import _kernel


def test_a_notebook_runs_in_a_kernel_over_ipc(monkeypatch):
    monkeypatch.delenv(_kernel.ENV, raising=False)  # restored after the test
    assert _kernel.use_ipc_kernels(), "the provisioner is not registered: pip install -e ."
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = nbclient.NotebookClient(notebook)
    seen = {}
    client.on_notebook_start = lambda **_: seen.update(transport=client.km.transport, ip=client.km.ip)
    client.execute()
    assert notebook.cells[0].outputs[0]["text"] == "42\n"
    assert seen["transport"] == "ipc"
    assert Path(seen["ip"]).parent == Path(jupyter_runtime_dir())
    assert not list(Path(jupyter_runtime_dir()).glob(f"{Path(seen['ip']).name}-*")), "sockets left behind"
