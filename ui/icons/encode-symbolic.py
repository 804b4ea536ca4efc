#!/usr/bin/env python3
# encode-symbolic.py TOOL INPUT.svg SIZE OUTPUT.png: runs
# gtk4-encode-symbolic-svg into a folder of its own and moves the result
# to OUTPUT (the tool names its output after its input).
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

tool, source, size, output = sys.argv[1:5]
with tempfile.TemporaryDirectory() as work:
    subprocess.run([tool, "-o", work, source, f"{size}x{size}"], check=True)
    name = os.path.basename(source)[: -len(".svg")] + ".symbolic.png"
    shutil.move(os.path.join(work, name), output)
