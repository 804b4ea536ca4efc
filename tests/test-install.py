#!/usr/bin/env python3
# test-install.py: `meson install` into a temporary folder gives a Rewire
# that runs from there, with nothing of the build tree.
#
#   test-install.py MESON BUILDDIR PREFIX BINDIR APP_ID
#
# Installs with --destdir, then checks that every file a desktop needs is in
# place (binary, desktop file, D-Bus service, metainfo, schema, icons) and
# valid, runs the installed `rewire --version` and `--help`, and starts the
# installed program as GNOME Shell does, by D-Bus activation on a bus of its
# own whose only service folder is the installed one, then waits for its
# window on the test's X display and quits it over D-Bus.
#
# The build tree is not on any path the program is given: its working
# folder is empty, GSETTINGS_SCHEMA_DIR is unset and the schema is found
# through XDG_DATA_DIRS, as in any prefix.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import time

failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    meson, builddir, prefix, bindir, app_id = sys.argv[1:]
    builddir = os.path.realpath(builddir)
    srcdir = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))

    with tempfile.TemporaryDirectory(prefix="rewire-install-") as tmp:
        destdir = os.path.join(tmp, "dest")
        result = run([meson, "install", "-C", builddir, "--no-rebuild", "--quiet",
                      "--destdir", destdir])
        if not check(result.returncode == 0, "meson install --destdir"):
            print(result.stdout, result.stderr)
            sys.exit(1)

        root = destdir + prefix
        share = os.path.join(root, "share")
        binary = destdir + bindir + "/rewire"
        desktop = os.path.join(share, "applications", app_id + ".desktop")
        service = os.path.join(share, "dbus-1", "services", app_id + ".service")
        metainfo = os.path.join(share, "metainfo", app_id + ".metainfo.xml")
        schemas = os.path.join(share, "glib-2.0", "schemas")
        icons = [os.path.join(share, "icons", "hicolor", "scalable", "apps", app_id + ".svg"),
                 os.path.join(share, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg")]

        for path in [binary, desktop, service, metainfo,
                     os.path.join(schemas, app_id + ".gschema.xml")] + icons:
            check(os.path.isfile(path), "installed: " + path[len(destdir):])
        check(os.access(binary, os.X_OK), "the installed rewire can be run")

        # The desktop file is D-Bus activatable, and the service it needs
        # starts the installed binary by its absolute path.
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(desktop)
        check(entry["Desktop Entry"].get("DBusActivatable") == "true", "DBusActivatable=true")
        check(entry["Desktop Entry"].get("Icon") == app_id, "the desktop file's icon is " + app_id)
        check(run(["desktop-file-validate", desktop]).returncode == 0,
              "the installed desktop file validates")
        svc = configparser.ConfigParser(interpolation=None)
        svc.optionxform = str
        svc.read(service)
        check(svc["D-BUS Service"].get("Name") == app_id, "the service's Name is " + app_id)
        exec_line = svc["D-BUS Service"].get("Exec", "")
        check(exec_line == bindir + "/rewire --gapplication-service",
              "the service's Exec is the installed binary: " + exec_line)
        result = run(["appstreamcli", "validate", "--no-net", metainfo])
        check(result.returncode == 0, "the installed metainfo validates")

        # No build or source path is compiled into what was installed.
        result = run([sys.executable, os.path.join(srcdir, "tests", "check-no-build-path.py"),
                      binary, builddir, srcdir])
        check(result.returncode == 0, "no build path in the installed binary: " + result.stdout.strip())

        # gnome.post_install compiles the schemas, except into a DESTDIR,
        # where a package's trigger does it: as that trigger would.
        if not os.path.exists(os.path.join(schemas, "gschemas.compiled")):
            check(run(["glib-compile-schemas", "--strict", schemas]).returncode == 0,
                  "the installed schemas compile")

        home = os.path.join(tmp, "home")
        work = os.path.join(tmp, "work")
        for d in (home, work):
            os.makedirs(d)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("GSETTINGS_SCHEMA_DIR", "REWIRE_", "DBUS_SESSION_BUS"))}
        env.update({
            "HOME": home,
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_DATA_DIRS": share + ":/usr/local/share:/usr/share",
            "GSETTINGS_BACKEND": "memory",
            "G_DEBUG": "fatal-criticals",
            "GSK_RENDERER": "cairo",
            "GDK_DEBUG": "gl-disable",
            "NO_AT_BRIDGE": "1",
        })

        result = run([binary, "--version"], cwd=work, env=env)
        check(result.returncode == 0 and result.stdout.strip().startswith("rewire "),
              "installed rewire --version: " + result.stdout.strip())
        result = run([binary, "--help"], cwd=work, env=env)
        check(result.returncode == 0 and "--version" in result.stdout, "installed rewire --help")

        if "DISPLAY" not in os.environ:
            check(False, "a window test needs an X display (run under xvfb-run)")
        else:
            activate(tmp, share, service, destdir, app_id, env, work)

    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)


def window_ids(env):
    result = run(["xdotool", "search", "--onlyvisible", "--name", "^Rewire$"], env=env)
    return result.stdout.split()


def activate(tmp, share, service, destdir, app_id, env, work):
    """Starts the installed app by D-Bus activation and waits for its window."""
    services = os.path.join(tmp, "services")
    os.makedirs(services)
    # The bus starts what the installed service names; it lives under the
    # DESTDIR here, as it would under the prefix after a plain install.
    with open(service) as f:
        text = f.read()
    exec_path = text.split("Exec=", 1)[1].split()[0]
    with open(os.path.join(services, app_id + ".service"), "w") as f:
        f.write(text.replace("Exec=" + exec_path, "Exec=" + destdir + exec_path))
    config = os.path.join(tmp, "bus.conf")
    with open(config, "w") as f:
        f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={tmp}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
    bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, text=True, env=env, cwd=work)
    try:
        address = bus.stdout.readline().strip()
        env = dict(env, DBUS_SESSION_BUS_ADDRESS=address)
        path = "/" + app_id.replace(".", "/")
        check(window_ids(env) == [], "no Rewire window before the activation")
        result = run(["gdbus", "call", "--session", "--dest", app_id, "--object-path", path,
                      "--method", "org.freedesktop.Application.Activate", "{}"],
                     env=env, timeout=60)
        check(result.returncode == 0, "org.freedesktop.Application.Activate starts the installed app "
              + result.stderr.strip())
        # Activate returns once the window is presented; the X server
        # maps it a moment later.
        ids = []
        for _ in range(300):
            ids = window_ids(env)
            if ids:
                break
            time.sleep(0.1)
        check(len(ids) >= 1, "the installed app shows its window")
        result = run(["gdbus", "call", "--session", "--dest", app_id, "--object-path", path,
                      "--method", "org.freedesktop.Application.ActivateAction", "quit", "[]", "{}"],
                     env=env, timeout=60)
        check(result.returncode == 0, "app.quit over D-Bus")
        for _ in range(300):
            if window_ids(env) == []:
                break
            time.sleep(0.1)
        check(window_ids(env) == [], "the window is gone after app.quit")
        journal = os.path.join(env["XDG_DATA_HOME"], "rewire", "journal.db")
        check(os.path.exists(journal), "the installed app made its journal in XDG_DATA_HOME")
    finally:
        bus.terminate()
        bus.wait()


if __name__ == "__main__":
    main()
