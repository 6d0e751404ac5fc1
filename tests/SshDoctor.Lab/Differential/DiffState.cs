using System.Text;
using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Differential;

/// <summary>
/// One random state of a target: the login (user), the account, the path to the authorized keys file with
/// its modes and owners, what the file holds, and sshd_config directives. <see cref="Describe"/> prints it all.
/// </summary>
public sealed class DiffState
{
    public string User = "alice";                       // alice, root, or an unknown name
    public LabKey Key = LabKeys.Main;                   // the key the client offers (ed25519, RSA 2048/1024, ECDSA)
    public string Shadow = "*";
    public long? Expire;
    public string Shell = "/bin/bash";
    public bool UsePam = true;
    public bool NologinFile;

    public Node? Home = new("0755", Alice, Alice);      // null: missing
    public Node? SshDir = new("0700", Alice, Alice);
    public Node? Keys = new("0600", Alice, Alice);
    public string KeysKind = "file";                    // file | dir | symlink
    public string KeysContent = "";                     // text, or "utf16:" + text
    public string? Keys2Content;                        // ~/.ssh/authorized_keys2
    public string? AbsoluteKeysContent;                 // /etc/ssh/authorized_keys/<user>
    public bool AliceInShared;

    public readonly List<string> Config = [];            // sshd_config body lines (global, before Match)
    public readonly List<string> DropIn = [];            // sshd_config.d/50-lab.conf
    public readonly List<string> MatchBlocks = [];       // appended last
    public readonly Dictionary<string, string> ExtraFiles = []; // target path -> content (root-owned 0644), e.g. Include targets
    public string? RevokedKeys;                          // content of /etc/ssh/revoked_keys (null: no file)

    public sealed record Node(string Mode, int Uid, int Gid);

    public string HomePath => User == "root" ? "/root" : "/home/" + User;

    public void Apply(LabTree t)
    {
        t.Pam(UsePam);
        if (User == "root") t.Cast().RootUser(null, Shell, Shadow, Expire); // the account settings are root's
        else t.Cast(Shell, Shadow, Expire);
        if (AliceInShared) t.AddGroup("staff2", SharedGid, "bob", "carol", "alice");
        if (NologinFile) t.Nologin();
        if (Shell == "/opt/lab/shell") t.WriteFile("/opt/lab/shell", "#!/bin/sh\n", "0644"); // exists, not executable
        var home = HomePath;
        if (User is "alice" or "root")
        {
            t.Remove(home + "/.ssh");
            if (Home is null) t.Remove(home);
            else
            {
                t.Chmod(home, Home.Mode).Chown(home, Home.Uid, Home.Gid);
                if (SshDir is not null)
                {
                    t.Mkdir(home + "/.ssh", SshDir.Mode, SshDir.Uid, SshDir.Gid);
                    WriteKeys(t, home + "/.ssh/authorized_keys");
                    if (Keys2Content is not null) t.WriteFile(home + "/.ssh/authorized_keys2", Keys2Content, "0600", SshDir.Uid, SshDir.Gid);
                    t.Chmod(home + "/.ssh", SshDir.Mode); // last: a 0000 .ssh must not stop us (we are root anyway)
                }
            }
        }
        if (AbsoluteKeysContent is not null)
            t.Mkdir("/etc/ssh/authorized_keys").WriteFile("/etc/ssh/authorized_keys/" + User, AbsoluteKeysContent);
        if (RevokedKeys is not null) t.WriteFile("/etc/ssh/revoked_keys", RevokedKeys);
        foreach (var (path, content) in ExtraFiles) t.WriteFile(path, content);
        if (DropIn.Count > 0) t.DropIn("50-lab.conf", string.Join('\n', DropIn));
        if (Config.Count + MatchBlocks.Count > 0) t.Config(string.Join('\n', Config.Concat(MatchBlocks)));
    }

    private void WriteKeys(LabTree t, string path)
    {
        if (Keys is null) return;
        switch (KeysKind)
        {
            case "dir":
                t.Mkdir(path, Keys.Mode, Keys.Uid, Keys.Gid);
                return;
            case "symlink":
                t.WriteFile(path + ".real", Bytes(), Keys.Mode, Keys.Uid, Keys.Gid).Symlink(path, "authorized_keys.real");
                return;
            default:
                t.WriteFile(path, Bytes(), Keys.Mode, Keys.Uid, Keys.Gid);
                return;
        }
    }

    private byte[] Bytes() => KeysContent.StartsWith("utf16:", StringComparison.Ordinal)
        ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(KeysContent[6..])]
        : Encoding.UTF8.GetBytes(KeysContent);

    public string Describe()
    {
        static string N(Node? n) => n is null ? "missing" : $"{n.Mode} {n.Uid}:{n.Gid}";
        static string Q(string? s) => s is null ? "-" : "\"" + s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\uFEFF", "<BOM>").Replace("\u00A0", "<NBSP>") + "\"";
        var sb = new StringBuilder();
        sb.Append($"key={Key.Name} ({Key.Type}) user={User} shadow={Shadow} expire={Expire?.ToString() ?? "-"} shell={Shell} UsePAM={(UsePam ? "yes" : "no")} nologin={NologinFile} alice-in-staff2={AliceInShared}\n");
        sb.Append($"home={N(Home)} .ssh={N(SshDir)} authorized_keys={KeysKind} {N(Keys)}\n");
        sb.Append($"authorized_keys: {Q(KeysContent)}\nauthorized_keys2: {Q(Keys2Content)}\n/etc/ssh/authorized_keys/{User}: {Q(AbsoluteKeysContent)}\n");
        sb.Append($"revoked_keys: {Q(RevokedKeys)}\n");
        foreach (var (path, content) in ExtraFiles) sb.Append($"{path}: {Q(content)}\n");
        sb.Append($"drop-in: {Q(string.Join('\n', DropIn))}\nsshd_config body: {Q(string.Join('\n', Config.Concat(MatchBlocks)))}");
        return sb.ToString();
    }
}
