using System.Runtime.InteropServices;
using System.Text;
using SshDoctor.Core.Model;

namespace SshDoctor.Tests.Support;

/// <summary>
/// A real root tree (modes are octal digits: 755 means 0755) under a temp directory (never a mocked filesystem), deleted on dispose. Owners are
/// numeric ids that exist in the tree's own etc/passwd. Default accounts: root 0, alice 1000 (private group
/// alice 1000), bob 1001 (private group bob 1001), carol 1002 in the shared group "team" 1100 with dave 1003.
/// </summary>
public sealed partial class TargetTree : IDisposable
{
    public const uint Alice = 1000, Bob = 1001, Carol = 1002, Dave = 1003, Team = 1100;

    public string Root { get; }

    public TargetTree(string osId = "debian", string versionId = "12", bool standard = true)
    {
        Root = Directory.CreateTempSubdirectory("sshdoctor-unit-").FullName;
        Chmod("/", 755);
        if (!standard) return;
        Dir("/etc", 755);
        File("/etc/passwd",
            "root:x:0:0:root:/root:/bin/bash\n" +
            "alice:x:1000:1000:Alice:/home/alice:/bin/bash\n" +
            "bob:x:1001:1001:Bob:/home/bob:/bin/bash\n" +
            "carol:x:1002:1100:Carol:/home/carol:/bin/bash\n" +
            "dave:x:1003:1100:Dave:/home/dave:/bin/bash\n", 644);
        File("/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\nteam:x:1100:\nstaff:x:50:alice,bob\n", 644);
        File("/etc/shadow", "root:*:19000:0:99999:7:::\nalice:*:19000:0:99999:7:::\nbob:*:19000:0:99999:7:::\ncarol:*:19000:0:99999:7:::\ndave:*:19000:0:99999:7:::\n", 640);
        File("/etc/os-release", $"ID={osId}\nVERSION_ID=\"{versionId}\"\nPRETTY_NAME=\"{osId} {versionId}\"\n", 644);
        File("/bin/bash", "#!fake\n", 755);
        Dir("/etc/ssh", 755);
        Dir("/etc/ssh/sshd_config.d", 755);
        File("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", 644);
        File("/etc/ssh/ssh_host_ed25519_key", "not really a key but non-empty\n", 600);
        Dir("/root", 700);
        Dir("/home", 755);
        foreach (var (name, uid, gid) in new[] { ("alice", Alice, Alice), ("bob", Bob, Bob), ("carol", Carol, Team), ("dave", Dave, Team) })
        {
            Dir($"/home/{name}", 700, uid, gid);
            Dir($"/home/{name}/.ssh", 700, uid, gid);
        }
    }

    public string Host(string path) => Root + (path == "/" ? "" : path);

    public TargetTree Dir(string path, int mode = 755, uint uid = 0, uint gid = 0)
    {
        Directory.CreateDirectory(Host(path));
        Chmod(path, mode);
        Chown(path, uid, gid);
        return this;
    }

    public TargetTree File(string path, string content, int mode = 644, uint uid = 0, uint gid = 0) =>
        Bytes(path, Encoding.UTF8.GetBytes(content), mode, uid, gid);

    public TargetTree Bytes(string path, byte[] content, int mode = 644, uint uid = 0, uint gid = 0)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Host(path))!);
        System.IO.File.WriteAllBytes(Host(path), content);
        Chmod(path, mode);
        Chown(path, uid, gid);
        return this;
    }

    /// <summary>authorized_keys for a default user: 0600, owned by the user and their primary group.</summary>
    public TargetTree Keys(string user, string content)
    {
        var (uid, gid) = user switch { "alice" => (Alice, Alice), "bob" => (Bob, Bob), "carol" => (Carol, Team), "dave" => (Dave, Team), _ => (0u, 0u) };
        var home = user == "root" ? "/root" : $"/home/{user}";
        return File($"{home}/.ssh/authorized_keys", content, 600, uid, gid);
    }

    public TargetTree Config(string content) => File("/etc/ssh/sshd_config", content, 644);

    public TargetTree Symlink(string path, string target)
    {
        System.IO.File.CreateSymbolicLink(Host(path), target);
        return this;
    }

    /// <summary>Modes are written as octal digits in a decimal literal: 755 means 0755.</summary>
    public TargetTree Chmod(string path, int mode)
    {
        System.IO.File.SetUnixFileMode(Host(path), (UnixFileMode)Convert.ToInt32(mode.ToString(), 8));
        return this;
    }

    public TargetTree Chown(string path, uint uid, uint gid)
    {
        if (LChown(Host(path), uid, gid) != 0)
            throw new IOException($"lchown {Host(path)} failed: errno {Marshal.GetLastPInvokeError()} (the unit tests run as root)");
        return this;
    }

    public TargetContext Context() => TargetContext.Load(Root);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, uint uid, uint gid);
}
