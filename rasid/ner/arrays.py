"""Model files as .npz archives written byte for byte the same for the same content (fixed zip
timestamps and order), with JSON values stored as byte arrays; shared by the NER model files."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Mapping

import numpy as np

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def write_arrays(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """The arrays in ``path`` (an .npz that ``np.load`` reads), in the mapping's order, deflated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def json_bytes(value) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"), dtype=np.uint8)


def json_value(array: np.ndarray):
    return json.loads(array.tobytes().decode("utf-8"))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
