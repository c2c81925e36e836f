"""How the model's networks multiply matrices: with numpy's BLAS, one thread a process.

thinc's default CPU backend multiplies with blis; numpy's bundled OpenBLAS does the same
float32 products (the parses come out the same) two to four times faster on the shapes of
the small English model, which is a third of the networks' time. One thread a process keeps
`--workers N` meaning N cores, unless the user set a BLAS thread count in the environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

# Environment variables by which a user chooses BLAS and OpenMP thread counts.
THREAD_SETTINGS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


@contextmanager
def numpy_matrices() -> Iterator[None]:
    """Within it, models that thinc builds multiply with numpy (they keep it after); the
    process's BLAS runs one thread from here on unless the user chose a count."""
    from thinc.api import use_ops

    one_blas_thread()
    with use_ops("numpy", use_blis=False):
        yield


def one_blas_thread() -> None:
    """Limit this process's BLAS libraries to one thread, unless the environment chose."""
    if any(name in os.environ for name in THREAD_SETTINGS):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
