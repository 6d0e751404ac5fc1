using System.Text;

namespace SshDoctor.Bench;

/// <summary>A realistic large root: many accounts with homes and keys, some broken, a drop-in and Match blocks.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class BenchTree
{
    private const string KeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEenovnfbWQJo3+0QbuFxlUlg22cMZwLp72hT4VSP/n0 bench-a";
    private const string KeyB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPq9KOCh16my0wqAAbif5668+6kn9lPnUANfFbV/BaYi bench-b";

    public static void Generate(string root, int users)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "etc/ssh/sshd_config.d"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        File.WriteAllText(Path.Combine(root, "bin/bash"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(root, "bin/bash"), (UnixFileMode)0x1ED);
        File.WriteAllText(Path.Combine(root, "etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        File.WriteAllText(Path.Combine(root, "etc/ssh/sshd_config"),
            "Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\nPrintMotd no\n" +
            "AcceptEnv LANG LC_*\nSubsystem sftp /usr/lib/openssh/sftp-server\nMatch Group admins\n    PubkeyAuthentication yes\nMatch User user1*\n    MaxAuthTries 3\n");
        File.WriteAllText(Path.Combine(root, "etc/ssh/sshd_config.d/50-cloud-init.conf"), "PasswordAuthentication no\n");
        File.WriteAllText(Path.Combine(root, "etc/ssh/ssh_host_ed25519_key"), "placeholder\n");
        File.SetUnixFileMode(Path.Combine(root, "etc/ssh/ssh_host_ed25519_key"), (UnixFileMode)0x180);
        File.WriteAllText(Path.Combine(root, "bench-key.pub"), KeyA + "\n");

        var passwd = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
        var group = new StringBuilder("root:x:0:\nadmins:x:500:");
        var shadow = new StringBuilder("root:*:19000:0:99999:7:::\n");
        for (var i = 0; i < users; i++)
        {
            var name = "user" + i;
            var uid = 2000 + i;
            passwd.Append($"{name}:x:{uid}:{uid}::/home/{name}:/bin/bash\n");
            shadow.Append($"{name}:!:19000:0:99999:7:::\n");
            if (i % 50 == 0) group.Append(i == 0 ? name : "," + name);
            var ssh = Path.Combine(root, "home", name, ".ssh");
            Directory.CreateDirectory(ssh);
            var keys = new StringBuilder();
            for (var k = 0; k < 3; k++) keys.Append(KeyB).Append(' ').Append(k).Append('\n');
            if (i % 7 == 0) keys.Append(KeyA).Append('\n');
            File.WriteAllText(Path.Combine(ssh, "authorized_keys"), keys.ToString());
            File.SetUnixFileMode(Path.Combine(ssh, "authorized_keys"), (UnixFileMode)0x180);
            File.SetUnixFileMode(ssh, (UnixFileMode)0x1C0);
            var mode = i % 13 == 0 ? 0x1FD : 0x1ED; // some homes group-writable
            File.SetUnixFileMode(Path.Combine(root, "home", name), (UnixFileMode)mode);
            Chown(Path.Combine(root, "home", name), uid);
            Chown(ssh, uid);
            Chown(Path.Combine(ssh, "authorized_keys"), uid);
        }
        group.Append('\n');
        for (var i = 0; i < users; i++) group.Append($"user{i}:x:{2000 + i}:\n");
        File.WriteAllText(Path.Combine(root, "etc/passwd"), passwd.ToString());
        File.WriteAllText(Path.Combine(root, "etc/group"), group.ToString());
        File.WriteAllText(Path.Combine(root, "etc/shadow"), shadow.ToString());
    }

    private static void Chown(string path, int uid)
    {
        if (Environment.UserName == "root") _ = lchown(path, uid, uid);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int lchown(string path, int owner, int group);
}
