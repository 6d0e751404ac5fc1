using System.Globalization;
using System.Text;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>
/// Shell commands written for where they will be pasted. On a live root, the target's own paths and names.
/// On a volume mounted on a rescue host (--root other than "/"), the host's view: every path carries the mount
/// point, owners are numeric (the rescue host has other users), account tools work on the volume's files
/// (usermod --prefix), and nothing restarts a service (the volume's sshd is not running). Every argument is
/// quoted with <see cref="Quote"/>; every form is idempotent (a second run changes nothing) and fails loudly.
/// On a rescue host, every command that changes a path first checks that the path, resolved, is itself
/// (<see cref="Guarded"/>): a link planted in the volume would otherwise be followed on the host.
/// </summary>
public sealed class HostShell(TargetRoot root, Accounts accounts, OsRelease os)
{
    /// <summary>The commands are for a rescue host, not for the system they repair.</summary>
    public bool OnRescueHost => !root.IsLive;

    /// <summary>
    /// POSIX single quotes: the result is always one inert word, whatever the text holds. A word of plain characters
    /// stays bare unless <paramref name="always"/> (sed scripts read better quoted).
    /// </summary>
    public static string Quote(string s, bool always = false)
    {
        if (!always && s.Length > 0 && s.All(IsPlain)) return s;
        return "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or ':' or '@' or '%' or '+' or '=';

    /// <summary>A target path as the shell must name it here (quoted).</summary>
    public string Path(string targetPath) => Quote(root.HostPath(targetPath));

    /// <summary>"user:group" on a live root; "uid:gid" on a rescue host.</summary>
    public string Owner(uint uid, uint gid) =>
        OnRescueHost ? $"{uid}:{gid}" : Quote($"{accounts.UserName(uid)}:{accounts.GroupName(gid)}");

    public string Owner(Account account) => Owner(account.Uid, account.Gid);

    public string RootOwner => OnRescueHost ? "0:0" : "root:root";

    /// <summary>Validates and reloads the live sshd; nothing on a rescue host (the volume's sshd reads its files at boot).</summary>
    public IReadOnlyList<string> Reload => OnRescueHost ? [] :
        [os.IsDebianFamily ? "sshd -t && systemctl reload ssh" : "sshd -t && systemctl reload sshd"];

    public string Chmod(string mode, string targetPath) => Guarded($"chmod {mode} {Path(targetPath)}", targetPath);

    public string Chown(string owner, string targetPath) => Guarded($"chown -h {owner} {Path(targetPath)}", targetPath);

    /// <summary>
    /// On a rescue host, runs <paramref name="command"/> only when no path it names is or goes through a link
    /// (readlink -f of the path is the mount point, resolved, followed by the target path); otherwise says so on
    /// stderr and fails. The live form is unchanged: there the user may swap links at any time, and `fix`, not a
    /// pasted command, is what acts on descriptors. What sh cannot close: the volume changing between the test and
    /// the command (a mounted volume is not running).
    /// </summary>
    private string Guarded(string command, params string[] targetPaths)
    {
        if (!OnRescueHost) return command;
        var mount = $"\"$(readlink -f -- {Quote(root.HostRoot)})\"";
        var tests = string.Join(" && ", targetPaths.Select(t =>
            $"[ \"$(readlink -f -- {Path(t)})\" = {mount}{Quote(t.StartsWith('/') ? t : "/" + t)} ]"));
        var names = string.Join(" or ", targetPaths.Select(root.HostPath));
        return $"if {tests}; then {command}; else echo {Quote($"sshdoctor: {names} is or goes through a link: not changed")} >&2; false; fi";
    }

    /// <summary>
    /// Creates a missing directory and gives it its owner, in one step: when the directory exists (a second run),
    /// nothing happens, so an owner change never reaches what a user may have put there since.
    /// </summary>
    public string MakeDirectory(string targetPath, string mode, string owner)
    {
        var p = Path(targetPath);
        return Guarded($"[ -d {p} ] || {{ mkdir -m {mode} {p} && chown {owner} {p}; }}", targetPath);
    }

    /// <summary>A missing home, filled from the target's own /etc/skel and given to its user as a whole.</summary>
    public string MakeHomeFromSkel(string home, string owner)
    {
        var p = Path(home);
        return Guarded($"[ -d {p} ] || {{ mkdir -m 700 {p} && cp -a {Quote(root.HostPath("/etc/skel") + "/.")} {Quote(root.HostPath(home) + "/")} && chown -R {owner} {p}; }}",
            home, "/etc/skel");
    }

    /// <summary>An empty file with mode and owner, created only when nothing is there (never truncates).</summary>
    public string CreateEmptyFile(string targetPath, uint uid, uint gid, string mode = "600")
    {
        var p = Path(targetPath);
        var (u, g) = OnRescueHost ? (uid.ToString(CultureInfo.InvariantCulture), gid.ToString(CultureInfo.InvariantCulture))
                                  : (Quote(accounts.UserName(uid)), Quote(accounts.GroupName(gid)));
        return Guarded($"[ -e {p} ] || [ -L {p} ] || install -m {mode} -o {u} -g {g} /dev/null {p}", targetPath);
    }

    /// <summary>
    /// Appends the key once: nothing when a line already starts with it (same type and base64, no options), a newline first when
    /// the file does not end with one (else the key would be glued to the last line).
    /// </summary>
    public string AppendKey(string targetPath, PublicKey key)
    {
        var p = Path(targetPath);
        var words = KeyWordsFor(key);
        return Guarded($"grep -q -- {words.Listed} {p} 2>/dev/null || "
             + $"{{ if [ -s {p} ] && [ -n \"$(tail -c 1 {p})\" ]; then echo >> {p}; fi; printf '%s\\n' {words.Line} >> {p}; }}", targetPath);
    }

    /// <summary>The quoted grep pattern and line of a key, for AppendKey.</summary>
    private sealed record KeyWords(PublicKey Key, string Listed, string Line);

    // The last key's words: an --all-users check appends the same key in every account's command. Replaced whole
    // (one reference), so accounts judged in parallel read either the old words or the new ones, never a mix.
    private KeyWords? _keyWords;

    private KeyWords KeyWordsFor(PublicKey key)
    {
        if (_keyWords is { } known && ReferenceEquals(known.Key, key)) return known;
        var line = AuthorizedKeyText.RequireOneLine(key.OpenSshLine);
        var listed = $"^{SedRegex(key.Type)} {SedRegex(key.Base64)}\\([[:space:]].*\\)\\{{0,1\\}}$";
        var words = new KeyWords(key, Quote(listed), Quote(line));
        _keyWords = words;
        return words;
    }

    /// <summary>sed -i with a script that is one quoted word, on the target's file.</summary>
    public string SedInPlace(string script, string targetPath) => Guarded($"sed -i {Quote(script, always: true)} {Path(targetPath)}", targetPath);

    /// <summary>Prints one line of a target file (read only).</summary>
    public string ShowLine(int line, string targetPath) => line <= 0
        ? $"ls -l {Path(targetPath)}"
        : $"sed -n {Quote(line.ToString(CultureInfo.InvariantCulture) + "p", always: true)} {Path(targetPath)}";

    /// <summary>Lists every name of a file inside the target (read-only; -xdev: hard links never cross a file system).</summary>
    public string FindOtherNames(string targetPath) => $"find {Path("/")} -xdev -samefile {Path(targetPath)}";

    public string Remove(string targetPath) => Guarded($"rm -f {Path(targetPath)}", targetPath);

    /// <summary>Moves a file aside once (a second run finds the new name taken and leaves both alone).</summary>
    public string MoveAside(string targetPath, string to) =>
        Guarded($"[ -e {Path(to)} ] || [ -L {Path(to)} ] || mv {Path(targetPath)} {Path(to)}", targetPath, to);

    /// <summary>
    /// Renames a symbolic link itself (rename never follows it) to a free name beside it; nothing when the path is no
    /// longer a link (a second run) or the new name is taken. Guarded on its directory, not on the link.
    /// </summary>
    public string MoveLinkAside(string link, string to) =>
        Guarded($"if [ -L {Path(link)} ]; then [ -e {Path(to)} ] || [ -L {Path(to)} ] || mv -- {Path(link)} {Path(to)}; fi",
            TargetRoot.DirName(link));

    public string Touch(string targetPath) => Guarded($"touch {Path(targetPath)}", targetPath);

    /// <summary>
    /// Re-encodes a UTF-16 file as UTF-8 in place (keeping its inode, mode and owner). Guarded: only a file that
    /// holds NUL bytes is touched, so a healthy UTF-8 file (or a second run) is left as it is; no pipeline
    /// carries the data, so a failing iconv stops the chain with its own status.
    /// </summary>
    public string ReEncodeUtf16(string targetPath, string encoding)
    {
        var p = Path(targetPath);
        return Guarded($"if ! tr -d '\\000' < {p} | cmp -s - {p}; then t=$(mktemp) && iconv -f {Quote(encoding)} -t UTF-8 {p} > \"$t\" "
             + $"&& sed -i -e 's/\\r$//' -e '1s/^\\xEF\\xBB\\xBF//' \"$t\" && cat \"$t\" > {p} && rm -f \"$t\"; fi", targetPath);
    }

    /// <summary>usermod on the target's account files: --prefix on a rescue host (the host's usermod, the volume's /etc).</summary>
    public string UserMod(string options, string user) =>
        OnRescueHost ? $"usermod --prefix {Quote(root.HostRoot)} {options} {Quote(user)}" : $"usermod {options} {Quote(user)}";

    /// <summary>Removes an account's expiry date.</summary>
    public string ClearExpiry(string user) => OnRescueHost ? UserMod("-e ''", user) : $"chage -E -1 {Quote(user)}";

    /// <summary>
    /// Sets the date of the last password change (lastchg 0 forces a change sshd cannot do). chage has no --prefix:
    /// on a rescue host the volume's shadow file is edited for that one field.
    /// </summary>
    public string SetLastChange(string user, DateTimeOffset today)
    {
        if (!OnRescueHost) return $"chage -d {today:yyyy-MM-dd} {Quote(user)}";
        var day = today.ToUnixTimeSeconds() / 86400;
        return SedInPlace($"s/^{SedRegex(user)}:\\([^:]*\\):0:/{SedReplacement(user)}:\\1:{day}:/", "/etc/shadow");
    }

    /// <summary>Generates missing host keys, into the volume's /etc/ssh on a rescue host.</summary>
    public string HostKeys => OnRescueHost ? $"ssh-keygen -A -f {Quote(root.HostRoot)}" : "ssh-keygen -A";

    /// <summary>Restores SELinux labels: restorecon on a live system; a relabel at next boot for a volume (the rescue host's policy is not the volume's).</summary>
    public string RestoreLabels(string targetPath) => OnRescueHost ? Touch("/.autorelabel") : $"restorecon -Rv {Path(targetPath)}";

    /// <summary>Escapes a literal for a basic regular expression inside a '/'-delimited sed command.</summary>
    public static string SedRegex(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is '\\' or '/' or '.' or '*' or '[' or ']' or '^' or '$') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Escapes a literal for the replacement part of a '/'-delimited sed s command.</summary>
    public static string SedReplacement(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is '\\' or '/' or '&') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
