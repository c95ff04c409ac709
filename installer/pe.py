"""Read a 64-bit PE image's import table (which DLLs, which functions) — no tools needed."""

from __future__ import annotations

import struct


def _parse(pe: bytes):
    off = struct.unpack_from("<I", pe, 0x3C)[0]
    if pe[off:off + 4] != b"PE\0\0":
        raise ValueError("not a PE file")
    n_sections, opt_size = struct.unpack_from("<H12xH", pe, off + 6)
    opt = off + 24
    if struct.unpack_from("<H", pe, opt)[0] != 0x20B:
        raise ValueError("not a PE32+ (64-bit) image")
    import_rva = struct.unpack_from("<I", pe, opt + 112 + 8)[0]  # data directory 1
    sections = [struct.unpack_from("<8sIIII", pe, opt + opt_size + 40 * i) for i in range(n_sections)]

    def at(rva: int) -> int:
        for _name, vsize, va, raw_size, raw_ptr in sections:
            if va <= rva < va + max(vsize, raw_size):
                return raw_ptr + rva - va
        raise ValueError(f"RVA {rva:#x} outside every section")

    def cstr(rva: int) -> str:
        start = at(rva)
        return pe[start:pe.index(b"\0", start)].decode("ascii")

    return import_rva, at, cstr


def imported_dlls(pe: bytes) -> list[str]:
    """The DLL names ``pe`` imports from (as written, e.g. ``Qt6Core.dll``)."""
    import_rva, at, cstr = _parse(pe)
    if not import_rva:
        return []
    out = []
    desc = at(import_rva)
    while (name_rva := struct.unpack_from("<I", pe, desc + 12)[0]):
        out.append(cstr(name_rva))
        desc += 20
    return out


def imported_names(pe: bytes, dll: str) -> list[str]:
    """Function names ``pe`` imports from ``dll`` (case-insensitive)."""
    import_rva, at, cstr = _parse(pe)
    names: list[str] = []
    if not import_rva:
        return names
    desc = at(import_rva)
    while True:
        lookup, _t, _f, name_rva, thunks = struct.unpack_from("<IIIII", pe, desc)
        if not name_rva:
            break
        if cstr(name_rva).lower() == dll.lower():
            entry = at(lookup or thunks)
            while (value := struct.unpack_from("<Q", pe, entry)[0]):
                if not value >> 63:  # by name; ordinal imports have the top bit set
                    names.append(cstr((value & 0x7FFFFFFF) + 2))  # skip the 2-byte hint
                entry += 8
        desc += 20
    return names
