"""A stand-in ``icuuc.dll`` so the Wine check can start Qt: ``python installer/wine_icu_stub.py QT6CORE OUT``.

Qt 6.7+ for Windows links ``Qt6Core.dll`` against the ICU that Windows 10 (1903+) ships in
System32 — ``icuuc.dll``, used only by ``QStringConverter`` for legacy code pages (GBK…). Wine 8
has no such DLL, so ``import PySide6.QtCore`` fails there with "DLL load failed".

This writes a minimal 64-bit PE DLL exporting every ``icuuc.dll`` function ``Qt6Core.dll``
imports (read from its import table): ``ucnv_open`` reports ``U_FILE_ACCESS_ERROR`` and returns
NULL (Qt then treats the code page as unavailable); every other function returns 0. It goes into
the **Wine prefix's** ``system32`` for the check only — never into the installer: a real
Windows 10/11 counter PC has the real ICU.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pe import imported_names  # noqa: E402

U_FILE_ACCESS_ERROR = 4
# mov dword ptr [rdx], 4 ; xor eax, eax ; ret   (ucnv_open(name, UErrorCode *err))
CODE_OPEN_FAILS = b"\xc7\x02" + struct.pack("<I", U_FILE_ACCESS_ERROR) + b"\x31\xc0\xc3"
CODE_RETURN_0 = b"\x31\xc0\xc3"  # xor eax, eax ; ret
FILE_ALIGN, SECTION_ALIGN = 0x200, 0x1000


def _align(n: int, a: int) -> int:
    return (n + a - 1) // a * a


def stub_dll(dll_name: str, exports: list[str]) -> bytes:
    """A PE32+ DLL exporting ``exports``; ``ucnv_open`` fails, the rest return 0."""
    exports = sorted(set(exports), key=lambda s: s.encode())  # the name table must be sorted
    text = bytearray()
    addresses = []
    for name in exports:
        addresses.append(0x1000 + len(text))
        text += CODE_OPEN_FAILS if name == "ucnv_open" else CODE_RETURN_0
        text += b"\xcc" * (-len(text) % 16)

    # .edata: directory, address table, name pointers, ordinals, then the strings.
    base = 0x2000
    n = len(exports)
    funcs, names_at, ords = base + 40, base + 40 + 4 * n, base + 40 + 8 * n
    strings = bytearray()
    str_base = ords + 2 * n
    dll_name_rva = str_base
    strings += dll_name.encode() + b"\0"
    name_rvas = []
    for name in exports:
        name_rvas.append(str_base + len(strings))
        strings += name.encode() + b"\0"
    edata = struct.pack("<IIHHIIIIIII", 0, 0, 0, 0, dll_name_rva, 1, n, n, funcs, names_at, ords)
    edata += struct.pack(f"<{n}I", *addresses) + struct.pack(f"<{n}I", *name_rvas)
    edata += struct.pack(f"<{n}H", *range(n)) + strings

    # .reloc: one empty block, so the loader may place the DLL anywhere (the code is
    # position-independent; nothing needs fixing up).
    reloc = struct.pack("<IIHH", 0x1000, 12, 0, 0)
    reloc_rva = _align(base + len(edata), SECTION_ALIGN)

    sections = [(b".text", bytes(text), 0x1000, 0x60000020),
                (b".edata", bytes(edata), base, 0x40000040),
                (b".reloc", reloc, reloc_rva, 0x42000040)]
    headers_size = _align(64 + 4 + 20 + 240 + 40 * len(sections), FILE_ALIGN)
    size_of_image = _align(reloc_rva + len(reloc), SECTION_ALIGN)

    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<HHIIIHH", 0x8664, len(sections), 0, 0, 0, 240, 0x2022)
    dirs = [(0, 0)] * 16
    dirs[0] = (base, len(edata))
    dirs[5] = (reloc_rva, len(reloc))
    opt = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, _align(len(text), FILE_ALIGN), 0, 0, 0, 0x1000, 0x180000000,
        SECTION_ALIGN, FILE_ALIGN, 6, 0, 0, 0, 6, 0, 0, size_of_image, headers_size, 0,
        3, 0x0160, 0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    ) + b"".join(struct.pack("<II", *d) for d in dirs)
    out = bytearray(dos + b"PE\0\0" + coff + opt)
    raw = headers_size
    bodies = []
    for name, body, rva, flags in sections:
        raw_size = _align(len(body), FILE_ALIGN)
        out += struct.pack("<8sIIIIIIHHI", name, len(body), rva, raw_size, raw, 0, 0, 0, 0, flags)
        bodies.append(body + b"\0" * (raw_size - len(body)))
        raw += raw_size
    out += b"\0" * (headers_size - len(out))
    for body in bodies:
        out += body
    return bytes(out)


def main(argv: list[str]) -> int:
    qt6core, target = Path(argv[0]), Path(argv[1])
    names = imported_names(qt6core.read_bytes(), "icuuc.dll")
    if not names:
        print(f"{qt6core.name} imports nothing from icuuc.dll: no stub needed")
        return 0
    target.write_bytes(stub_dll("icuuc.dll", names))
    print(f"{target}: {len(names)} exports ({', '.join(sorted(names))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
