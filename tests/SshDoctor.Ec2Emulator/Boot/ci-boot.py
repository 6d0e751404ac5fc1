#!/usr/bin/python3
# sshdoctor EC2 EMULATOR (not AWS): the part of one boot that cloud-init's modules:final stage does on a real
# instance, run as root inside the emulated instance (its root is the lab tree over the host's files).
# Built on Debian's cloud-init package: its user-data MIME processing (UserDataProcessor), its run-parts, its
# authorized_keys handling (ssh_util) and its fingerprint table (cc_ssh_authkey_fingerprints).
#   ci-boot.py INSTANCE-ID DEFAULT-USER USER-DATA-FILE KEY-PAIR-FILE|-
# What is modelled (README.md, "Boot"): per-instance semaphores in /var/lib/cloud/instances/ID/sem as cloud-init
# keeps them; the system's /etc/cloud/cloud.cfg (+ cloud.cfg.d) with the user data's cloud-config parts on top;
# cloud_final_modules decides whether and how often scripts-user runs; stdout/stderr are the console.
import glob
import logging
import os
import sys
import time

import yaml
from cloudinit import helpers, ssh_util, subp, user_data, util, version
from cloudinit.config import cc_ssh_authkey_fingerprints as fingerprints

LOG = logging.getLogger("cloudinit")
START = time.monotonic()


def console_logging():
    # cloud-init's own console handler: WARNING and above on stderr, in its arg0 format.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s - %(filename)s[%(levelname)s]: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)


def system_config():
    cfg = {}
    files = ["/etc/cloud/cloud.cfg"] + sorted(glob.glob("/etc/cloud/cloud.cfg.d/*.cfg"))
    for path in files:
        try:
            with open(path, "rb") as f:
                loaded = yaml.safe_load(f) or {}
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(loaded, dict):
            cfg.update(loaded)
    return cfg


def user_parts(raw):
    paths = helpers.Paths({"cloud_dir": "/var/lib/cloud", "run_dir": "/run/cloud-init"})
    message = user_data.UserDataProcessor(paths).process(raw)
    scripts, configs = [], []
    for part in message.walk():
        if part.get_content_maintype() == "multipart":
            continue
        ctype = part.get_content_type()
        payload = util.fully_decoded_payload(part)
        if isinstance(payload, str):
            payload = payload.encode("utf-8", "surrogateescape")
        if ctype == "text/x-shellscript":
            scripts.append((part.get_filename(), payload))
        elif ctype == "text/cloud-config":
            loaded = yaml.safe_load(payload) or {}
            if isinstance(loaded, dict):
                configs.append(loaded)
    return scripts, configs


def module_frequency(cfg, name, default):
    """None when the module is not in cloud_final_modules; else its frequency (the list form can override it)."""
    for entry in cfg.get("cloud_final_modules") or []:
        if isinstance(entry, str) and entry.replace("_", "-") == name:
            return default
        if isinstance(entry, list) and entry and str(entry[0]).replace("_", "-") == name:
            return str(entry[1]) if len(entry) > 1 else default
    return None


def should_run(frequency, semaphore_dir, global_sem_dir, sem_name):
    if frequency in ("always",):
        return True
    folder = global_sem_dir if frequency == "once" else semaphore_dir
    marker = os.path.join(folder, sem_name)
    if os.path.exists(marker):
        return False
    os.makedirs(folder, exist_ok=True)
    with open(marker, "w") as f:
        f.write("%s: %s\n" % (os.getpid(), time.time()))
    return True


def main():
    iid, default_user, ud_path, key_path = sys.argv[1:5]
    console_logging()
    instance_dir = "/var/lib/cloud/instances/" + iid
    sem = os.path.join(instance_dir, "sem")
    global_sem = "/var/lib/cloud/sem"
    scripts_dir = os.path.join(instance_dir, "scripts")
    os.makedirs(sem, exist_ok=True)
    link = "/var/lib/cloud/instance"
    if os.path.islink(link) and os.readlink(link) != instance_dir:
        os.remove(link)
    if not os.path.lexists(link):
        os.symlink(instance_dir, link)

    with open(ud_path, "rb") as f:
        raw = f.read()
    scripts, configs = user_parts(raw) if raw else ([], [])
    cfg = system_config()
    for c in configs:
        cfg.update(c)

    first_boot = should_run("once-per-instance", sem, global_sem, "emulator_first_boot")
    # cc_ssh (cloud_config_modules, per instance): the key pair's public key for the default user.
    if first_boot and key_path != "-":
        with open(key_path) as f:
            keys = [line.strip() for line in f if line.strip()]
        try:
            ssh_util.setup_user_keys(keys, default_user)
        except Exception as e:  # cloud-init logs and goes on
            LOG.warning("Applying SSH credentials failed! %s", e)

    print("Cloud-init v. %s running 'modules:final' at %s. Up %.2f seconds."
          % (version.version_string(), time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
             time.monotonic() - START), flush=True)

    # The shell parts are (re)written on every boot, as cloud-init's shell-script handler does.
    os.makedirs(scripts_dir, exist_ok=True)
    for old in os.listdir(scripts_dir):
        os.remove(os.path.join(scripts_dir, old))
    for i, (name, payload) in enumerate(scripts):
        util.write_file(os.path.join(scripts_dir, name or "part-%03d" % (i + 1)), payload, mode=0o700)

    frequency = module_frequency(cfg, "scripts-user", "once-per-instance")
    if frequency is not None and should_run(frequency, sem, global_sem, "config_scripts_user"):
        try:
            subp.runparts(scripts_dir)
        except Exception:
            LOG.warning("Failed to run module scripts-user (scripts in %s)", scripts_dir)
            LOG.warning("Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from "
                        "'/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed")
    sys.stdout.flush()
    sys.stderr.flush()

    frequency = module_frequency(cfg, "ssh-authkey-fingerprints", "once-per-instance")
    if frequency is not None and not util.is_true(cfg.get("no_ssh_fingerprints", False)) \
            and should_run(frequency, sem, global_sem, "config_ssh_authkey_fingerprints"):
        hash_meth = cfg.get("authkey_hash", "sha256")
        try:
            key_fn, entries = ssh_util.extract_authorized_keys(default_user)
            fingerprints._pprint_key_entries(default_user, key_fn, entries, hash_meth)
        except Exception as e:
            LOG.warning("Running module ssh-authkey-fingerprints failed: %s", e)

    print("Cloud-init v. %s finished at %s. Datasource DataSourceEc2Local.  Up %.2f seconds"
          % (version.version_string(), time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
             time.monotonic() - START), flush=True)


if __name__ == "__main__":
    main()
