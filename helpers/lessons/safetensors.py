"""Reading a ``.safetensors`` weights file with NumPy alone (lesson 11).

safetensors is a JSON header followed by raw numbers: nothing in it can run code, unlike a pickle, so
the course reads model weights this way (``helpers.lessons.transformer.load_model`` uses it).
"""

import json
from pathlib import Path

import numpy as np

from helpers.errors import CourseError

_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def read_safetensors(path, fix="check the file, or write it again."):
    """Read a ``.safetensors`` file into ``{name: numpy array}`` without pickle, torch or the
    ``safetensors`` package.

    The format: 8 bytes (little-endian unsigned length ``n``), ``n`` bytes of JSON saying each
    tensor's ``dtype``, ``shape`` and byte range (``data_offsets``), then the raw numbers.
    Raises ``CourseError`` if the file is missing, cut short or not safetensors; ``fix`` says what to
    do about a damaged file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CourseError(
            f"Cannot read {path.name}: {error.strerror}. Check the path; for the course's model, "
            "run `python3 course.py lab` again (it installs the data packages)."
        ) from None
    damaged = f"{path.name} is not a complete safetensors file: {fix}"
    if len(data) < 8:
        raise CourseError(damaged)
    header_size = int.from_bytes(data[:8], "little")
    if header_size > len(data) - 8:
        raise CourseError(damaged)
    try:
        header = json.loads(data[8 : 8 + header_size].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CourseError(damaged) from None
    if not isinstance(header, dict):
        raise CourseError(damaged)
    start = 8 + header_size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
            begin, end = info["data_offsets"]
            shape = tuple(info["shape"])
        except (KeyError, TypeError, ValueError):
            raise CourseError(damaged) from None
        count = int(np.prod(shape)) if shape else 1
        if end - begin != count * dtype.itemsize or start + end > len(data):
            raise CourseError(damaged)
        tensors[name] = np.frombuffer(data, dtype=dtype, count=count, offset=start + begin).reshape(shape)
    return tensors
