#!/usr/bin/env python3
# check-no-build-path.py: the built program names no folder of the build or
# source tree, so that an installed Rewire never looks there (for a schema,
# translations or anything else).
#
#   check-no-build-path.py BINARY PATH...
#
# Only what the program loads is searched: the ELF sections that occupy
# memory at run time (SHF_ALLOC: code, .rodata, .data ...). Debug
# information (DW_AT_comp_dir and the like) names the build folder in any
# -g build, is never read by the program, and is stripped on install
# (`meson install --strip`, dh_strip).
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import struct
import sys

SHF_ALLOC = 0x2
SHT_NOBITS = 8


def loaded_sections(data):
    if data[:4] != b"\x7fELF":
        sys.exit("not an ELF file")
    is64 = data[4] == 2
    endian = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(endian + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(endian + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x2E)
    for i in range(shnum):
        base = shoff + i * shentsize
        if is64:
            _, sh_type, flags, _, offset, size = struct.unpack_from(endian + "IIQQQQ", data, base)
        else:
            _, sh_type, flags, _, offset, size = struct.unpack_from(endian + "IIIIII", data, base)
        if flags & SHF_ALLOC and sh_type != SHT_NOBITS:
            yield data[offset:offset + size]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    sections = list(loaded_sections(data))
    found = False
    for path in sys.argv[2:]:
        needle = path.rstrip("/").encode()
        if any(needle in section for section in sections):
            print(f"{sys.argv[1]} contains the path {path}")
            found = True
    if not found:
        print(f"{sys.argv[1]}: no build or source path in {len(sections)} loaded sections")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
