#!/usr/bin/python3
"""Executes Jupyter notebooks headless (nbclient) and exports them to HTML.

    run_notebooks.py --out DIR [--timeout SECONDS] [--quiet] NOTEBOOK.ipynb...

Called by scripts/notebooks.mjs (`pnpm notebooks`), which sets JUPYTER_PATH to
the project-local tslab kernelspec. For every notebook it runs all cells (going
on past a failing cell, so the executed copy shows every check), saves the
executed copy DIR/<name>.ipynb and DIR/<name>.html even when a cell failed, and
prints each failing cell: its index, first source line and the text it wrote to
stderr. tslab reports a thrown error without a name or traceback in the reply,
only as stderr text, which is why this does not use `jupyter nbconvert --execute`.
Exit status: 0 when every notebook ran without error, 1 otherwise.
"""
import argparse
import asyncio
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

STACK_FRAME = re.compile(r"^\s+at \S")
ERROR_LINE = re.compile(r"^[A-Z][\w$]*(Error|Failure|Exception)\b[^:]*:")


class LiveClient(NotebookClient):
    """A NotebookClient that also echoes each cell's text output as it arrives, indented."""

    echo = True
    _at_line_start = True

    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if self.echo and msg["msg_type"] == "stream":
            self._write(msg["content"].get("text", ""))
        return out

    def _write(self, text):
        for piece in text.splitlines(keepends=True):
            if self._at_line_start:
                sys.stdout.write("    │ ")
            sys.stdout.write(piece)
            self._at_line_start = piece.endswith("\n")
        sys.stdout.flush()


def cell_text(cell, max_lines):
    """What a failed cell wrote to stderr (tslab puts the error there), plus any error outputs."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}")
    lines = [line for line in "".join(parts).splitlines() if not STACK_FRAME.match(line)]
    # Node prints an uncaught error as "file:line", the source line, a caret, then
    # "Name: message"; start at the message.
    start = next((i for i, line in enumerate(lines) if ERROR_LINE.match(line)), 0)
    lines = lines[start:]
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more lines in the executed notebook)"]
    return "\n".join(lines) if lines else "(the cell reported an error but wrote no text)"


def first_line(cell):
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()
    return "(empty)"


def run_notebook(path, out_dir, timeout, quiet):
    """Executes one notebook; returns a list of failure descriptions (empty when it passed)."""
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    deadline = time.monotonic() + timeout
    failures = []
    failed_cells = []

    running = {"index": None}

    def on_cell_execute(cell, cell_index):
        running["index"] = cell_index

    async def on_cell_error(cell, cell_index, execute_reply):
        failed_cells.append(cell_index)
        # After an error tslab aborts every request that arrives within 200 ms
        # (its execution queue resets); wait, so that the next cell does run.
        await asyncio.sleep(0.5)

    client = LiveClient(
        nb,
        kernel_name=nb.metadata.get("kernelspec", {}).get("name", "tslab"),
        allow_errors=True,
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        startup_timeout=120,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        on_cell_execute=on_cell_execute,
        on_cell_error=on_cell_error,
    )
    client.echo = not quiet
    try:
        client.execute()
    except CellTimeoutError:
        where = running["index"]
        cell = f" in cell {where} ({first_line(nb.cells[where])})" if where is not None else ""
        failures.append(f"timed out{cell}: the notebook took longer than {timeout} s (--timeout)")
    except DeadKernelError as error:
        failures.append(f"the kernel died: {error}")
    except Exception as error:  # the kernel could not start, and the like
        failures.append(f"could not run: {type(error).__name__}: {error}")

    for position, index in enumerate(failed_cells):
        cell = nb.cells[index]
        # The first failure in full; later ones are often its consequences, so in brief.
        text = cell_text(cell, max_lines=60 if position == 0 else 4)
        failures.append(f"cell {index} ({first_line(cell)}):\n" + indent(text, "      "))

    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, f"{name}.ipynb"))
    html, _ = HTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": name}})
    with open(os.path.join(out_dir, f"{name}.html"), "w", encoding="utf-8") as f:
        f.write(html)
    return failures


def indent(text, prefix):
    return "\n".join(prefix + line for line in text.splitlines())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", help="the .ipynb files to execute")
    parser.add_argument("--out", required=True, help="folder for the executed notebooks and their HTML")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds allowed per notebook (default 1800)")
    parser.add_argument("--quiet", action="store_true", help="do not echo the cells' text output")
    args = parser.parse_args()

    results = []
    for number, path in enumerate(args.notebooks, start=1):
        name = os.path.splitext(os.path.basename(path))[0]
        print(f"\n▶ notebooks: {name} ({number}/{len(args.notebooks)})", flush=True)
        start = time.monotonic()
        failures = run_notebook(path, args.out, args.timeout, args.quiet)
        elapsed = time.monotonic() - start
        results.append((name, failures, elapsed))
        if failures:
            print(f"✗ {name} FAILED after {elapsed:.1f} s:", flush=True)
            for failure in failures:
                print(f"  - {failure}", flush=True)
        else:
            print(f"✓ {name} passed in {elapsed:.1f} s", flush=True)

    print(f"\nnotebooks: executed copies and HTML in {os.path.relpath(args.out)}/")
    width = max(len(name) for name, _, _ in results)
    for name, failures, elapsed in results:
        status = "FAIL" if failures else "ok"
        print(f"  {name.ljust(width)}  {status:4}  {elapsed:7.1f} s")
    failed = [name for name, failures, _ in results if failures]
    if failed:
        print(f"notebooks: {len(failed)} of {len(results)} FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"notebooks: all {len(results)} passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
