namespace SshDoctor.Lab.Harness;

/// <summary>A client key pair made with ssh-keygen: private file for ssh -i, .pub for check --key.</summary>
public sealed record LabKey(string Name, string PrivatePath)
{
    /// <summary>What `check --key` is given: the .pub, or for a certificate scenario the -cert.pub ssh loads beside the key.</summary>
    public string PublicPath { get; init; } = PrivatePath + ".pub";
    /// <summary>The OpenSSH public line without the comment: "ssh-ed25519 AAAA…".</summary>
    public string Line => string.Join(' ', File.ReadAllText(PublicPath).Trim().Split(' ').Take(2));
    public string Type => Line.Split(' ')[0];
    public string Base64 => Line.Split(' ')[1];
}

/// <summary>Keys generated once per test run (ssh-keygen) and cached.</summary>
public static class LabKeys
{
    private static readonly Dictionary<string, LabKey> Cache = [];
    private static readonly Lock Gate = new();

    /// <summary>The key the scenarios log in with.</summary>
    public static LabKey Main => Get("main", "ed25519");
    /// <summary>A different ed25519 key (the "wrong key pair").</summary>
    public static LabKey Other => Get("other", "ed25519");
    public static LabKey Rsa2048 => Get("rsa2048", "rsa", "2048");
    public static LabKey Rsa1024 => Get("rsa1024", "rsa", "1024");
    public static LabKey Ecdsa => Get("ecdsa", "ecdsa", "256");

    /// <summary>The sshd host key, copied into every tree.</summary>
    public static LabKey Host => Get("hostkey", "ed25519");

    public static LabKey Get(string name, string type, string? bits = null)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name, out var key)) return key;
            var dir = Path.Combine(LabRun.Dir, "keys");
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, Modes.Parse("0700"));
            var path = Path.Combine(dir, name);
            var args = new List<string> { "-q", "-t", type, "-N", "", "-C", "lab-" + name, "-f", path };
            if (bits != null) args.AddRange(["-b", bits]);
            LabRun.Exec("/usr/bin/ssh-keygen", [.. args]);
            return Cache[name] = new LabKey(name, path);
        }
    }
}
