namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiEn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd accepts this key for {user}.",
        ["ui.verdict.accepted_nokey"] = "Nothing else blocks public-key login for {user}, but no key was given: add --key FILE to check a particular key.",
        ["ui.verdict.no_key_authorized"] = "No key is authorized for {user}: sshd has no key to accept. Give the key with --key FILE to see how to add it.",
        ["ui.verdict.refused"] = "sshd refuses this key for {user}.",
        ["ui.verdict.refused_nokey"] = "sshd refuses public-key login for {user}.",
        ["ui.verdict.unknown"] = "Cannot decide for {user} yet: see the notes.",
        ["ui.heading.blocking"] = "Blocking",
        ["ui.heading.warning"] = "Warnings",
        ["ui.heading.info"] = "Notes",
        ["ui.fix"] = "Fix",
        ["ui.target"] = "Target: {root} ({os}, OpenSSH {sshd})",
        ["ui.target.guessed"] = "Target: {root} ({os}, probably OpenSSH {sshd}: the version could not be read)",
        ["ui.rescue_commands"] = "The commands below are for this rescue host: paths start with the volume's mount point ({root}), owners are numeric (uid:gid as on the volume), and no service is reloaded, since the volume's sshd is not running; it reads the repaired files when the instance boots.",
        ["ui.key"] = "Key: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "Public-key login: accepted for {accepted} of {total#one=# user|other=# users}, refused for {refused}.",
        ["ui.nothing"] = "No problems found.",

        ["err.root_missing"] = "{root} does not exist.",
        ["err.root_not_dir"] = "{root} is not a directory.",
        ["err.root_unreadable"] = "Cannot read {root}: {reason}.",
        ["err.root_not_linux"] = "{root} does not look like a Linux root file system: {missing} is missing.",
        ["err.key_unreadable"] = "Cannot read the key {path}: {reason}.",
        ["err.user_and_all"] = "Give either --user or --all-users, not both.",
        ["err.from_invalid"] = "--from {value} is not an IP address.",
        ["err.user_required"] = "Give --user NAME (or --all-users).",
        ["err.internal"] = "Unexpected error: {detail}. Please report it.",
        ["err.needs_root"] = "Cannot read {path}: permission denied. sshdoctor reads the server's files as sshd does, which needs root: run it with sudo.",

        ["reason.not_searchable"] = "the user cannot enter {path}",
        ["reason.not_readable"] = "the user cannot read {path}",
        ["reason.not_owner"] = "the user does not own {path}",
        ["err.unknown_command"] = "'{token}' is not a sshdoctor command.",
        ["err.unknown_option"] = "{command} has no option {token}.",
        ["err.unexpected_argument"] = "{command} does not take the argument '{token}'.",
        ["err.did_you_mean"] = "Did you mean {suggestion}?",
        ["err.try_help"] = "Try '{help}'.",
        ["err.command_required"] = "Name a command: {commands}.",
        ["err.usage_other"] = "Invalid command line for {command}: {detail}",
        ["err.lang_invalid"] = "--lang {value}: the languages are en, fr, pt, ko and ja.",
    };
}
