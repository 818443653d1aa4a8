"""A deterministic zip writer whose bytes equal :mod:`zipfile`'s, with compressed parts cached.

:func:`nlg.word.save._zip` writes every part with fixed timestamps and deflate level 6. A
template's large parts (``styles.xml`` is ~350 KB) are the same in every draft, so
deflating them again for each document is most of the cost of a save: here each part's
deflated bytes and CRC are kept per content (an identical ``bytes`` object is looked up by
its cached hash). The output is byte for byte what ``zipfile.ZipFile.writestr`` writes for
the same entries (a test compares them).
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections import OrderedDict

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_LEVEL = 6
_CACHE: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()
_CACHE_MAX = 64
_CACHE_MIN = 4096            # small parts are deflated each time (cheap, rarely repeated)


def deflated(data: bytes) -> tuple[int, bytes]:
    """Return (CRC-32, raw deflate stream at level 6) of ``data``, as zipfile computes them."""
    if len(data) >= _CACHE_MIN:
        found = _CACHE.get(data)
        if found is not None:
            _CACHE.move_to_end(data)
            return found
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    result = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
    if len(data) >= _CACHE_MIN:
        _CACHE[data] = result
        if len(_CACHE) > _CACHE_MAX:
            _CACHE.popitem(last=False)
    return result


def write(entries: list[tuple[str, bytes]]) -> bytes:
    """Return a zip archive of ``entries`` (in order), deflated, dated 1980-01-01."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        crc, packed = deflated(data)
        info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0o600 << 16        # what zipfile writes for external_attr 0
        info.flag_bits = 0
        info.CRC, info.compress_size, info.file_size = crc, len(packed), len(data)
        header = info.FileHeader(False)
        filename, flag_bits = info._encodeFilenameFlags()
        dt = info.date_time
        dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        central.append(struct.pack(
            zipfile.structCentralDir, zipfile.stringCentralDir, info.create_version,
            info.create_system, info.extract_version, info.reserved, flag_bits,
            info.compress_type, dostime, dosdate, crc, len(packed), len(data),
            len(filename), 0, 0, 0, info.internal_attr, info.external_attr, offset) + filename)
        out += (header, packed)
        offset += len(header) + len(packed)
    directory = b"".join(central)
    end = struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, len(entries),
                      len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end
