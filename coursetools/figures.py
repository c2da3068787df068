"""The figures a snippet saves, kept with an alt text made from what they show.

Its own module because a figure's capture (matplotlib's `savefig`, drawn with Agg) and its
description are what recordings and pages use, apart from how a snippet is run: the runner
(coursetools.runner) collects them into `SnippetRun.figures`, coursetools.outputs records them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from dataclasses import dataclass


@dataclass
class Figure:
    """A figure a snippet saved: the file name it gave, an alt text made from the figure, the bytes."""

    name: str
    alt: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def describe_figure(figure) -> str:
    """An alt text from what the figure shows: its title, axis labels and each line's data."""
    parts = []
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        parts.append(suptitle.get_text().rstrip(".") + ".")
    for ax in figure.get_axes():
        title, xlabel, ylabel = ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
        lines = [line for line in ax.get_lines() if len(line.get_xdata())]
        kind = "Line chart" if lines else "Chart"
        head = f"{kind}, {title}" if title else kind
        if xlabel or ylabel:
            head += f": {ylabel or 'values'} against {xlabel or 'position'}"
        parts.append(head + ".")
        for line in lines:
            xs, ys = [float(v) for v in line.get_xdata()], [float(v) for v in line.get_ydata()]
            low = min(range(len(ys)), key=ys.__getitem__)
            label = line.get_label()
            name = f"{label}: " if label and not label.startswith("_") else ""
            parts.append(
                f"{name}{len(ys)} points, from {ys[0]:.4g} at {xs[0]:g} to {ys[-1]:.4g} at {xs[-1]:g}; "
                f"lowest {ys[low]:.4g} at {xs[low]:g}."
            )
    return " ".join(parts) or "A figure with no title, axis labels or lines."


@contextlib.contextmanager
def saved_figures(saved: list):
    """Notes (path, alt text) of every figure saved to a file while active; draws with Agg."""
    try:
        import matplotlib
    except ImportError:  # no figure can be saved without it
        yield
        return
    if "matplotlib.pyplot" not in sys.modules:
        matplotlib.use("Agg")
    from matplotlib.figure import Figure as MplFigure

    original = MplFigure.savefig

    def savefig(figure, fname, *args, **kwargs):
        result = original(figure, fname, *args, **kwargs)
        if isinstance(fname, str | os.PathLike):
            saved.append((os.path.abspath(fname), describe_figure(figure)))
        return result

    MplFigure.savefig = savefig
    try:
        yield
    finally:
        MplFigure.savefig = original
