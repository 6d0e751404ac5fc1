namespace SshDoctor.Lab.Harness;

/// <summary>
/// One real sshd build that judges the lab (scripts/build-judges.sh builds and caches them):
/// <c>host</c> (the machine's Debian 12 sshd), <c>chroot</c> (Debian 11/13 in an mmdebstrap chroot) or
/// <c>upstream</c> (OpenSSH portable built from Debian's orig tarball, no distribution patches: it stands in
/// for RHEL/Amazon Linux behaviour, e.g. no private-group StrictModes exception).
/// <see cref="Root"/> is the filesystem the judge's sshd sees ("/" unless chroot).
/// </summary>
public sealed record Judge(string Name, string Kind, string Version, string Root, string Sshd)
{
    public const string Bookworm = "bookworm", Bullseye = "bullseye", Trixie = "trixie",
        Upstream92 = "upstream-9.2p1", Upstream100 = "upstream-10.0p1";

    /// <summary>Every judge, the machine's first.</summary>
    public static readonly string[] AllNames = [Bookworm, Bullseye, Trixie, Upstream92, Upstream100];
    public static readonly string[] Upstream = [Upstream92, Upstream100];
    /// <summary>OpenSSH ≥ 9.8 (DSA compiled out, AuthorizedKeysFile globs from 10.0, server-sig-algs filtered from 9.6).</summary>
    public static readonly string[] Ten = [Trixie, Upstream100];

    public static string CacheDir =>
        Environment.GetEnvironmentVariable("SSHDOCTOR_JUDGES_DIR") is { Length: > 0 } d ? d : "/var/cache/sshdoctor/judges";

    public bool IsChroot => Kind == "chroot";
    public bool IsUpstream => Kind == "upstream";
    public bool IsMachine => Name == Bookworm;

    /// <summary>"Debian 11 bullseye, OpenSSH 8.4p1 (chroot)".</summary>
    public string Describe => Kind switch
    {
        "host" => $"Debian 12 bookworm, OpenSSH {Version} (this machine)",
        "chroot" => $"Debian {(Name == Bullseye ? "11" : "13")} {Name}, OpenSSH {Version} (chroot)",
        _ => $"upstream OpenSSH {Version}, no distribution patches",
    };

    /// <summary>Where a path of the judge's filesystem is on this machine.</summary>
    public string FsPath(string path) => IsChroot ? Path.Combine(Root, path.TrimStart('/')) : path;

    private static readonly Dictionary<string, Judge> Cache = [];
    private static readonly Lock Gate = new();

    public static Judge Machine => Get(Bookworm);

    /// <summary>The judge's stamp from the cache; a judge that is not built FAILS the test saying how to build it.</summary>
    public static Judge Get(string name)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var stamp = Path.Combine(CacheDir, name, "judge.env");
            Judge judge;
            if (File.Exists(stamp)) judge = FromStamp(name, stamp);
            else if (name == Bookworm) judge = new Judge(Bookworm, "host", "9.2p1", "/", "/usr/sbin/sshd"); // nothing to build
            else
                throw new InvalidOperationException(
                    $"sshd judge '{name}' is not built ({stamp} is missing): run `bash scripts/build-judges.sh {name}` as root " +
                    "(scripts/test.sh does it), or leave this judge's classes out with --filter");
            var sshd = judge.IsChroot ? judge.FsPath(judge.Sshd) : judge.Sshd;
            if (!File.Exists(sshd))
                throw new InvalidOperationException($"sshd judge '{name}': {sshd} is missing; rebuild it with `bash scripts/build-judges.sh {name}`");
            return Cache[name] = judge;
        }
    }

    private static Judge FromStamp(string name, string stamp)
    {
        var values = File.ReadAllLines(stamp).Select(l => l.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        string V(string key) => values.TryGetValue(key, out var v) && v.Length > 0
            ? v : throw new InvalidOperationException($"sshd judge '{name}': {stamp} has no {key}; rebuild it with scripts/build-judges.sh");
        return new Judge(name, V("KIND"), V("VERSION"), V("ROOT"), V("SSHD"));
    }

    public override string ToString() => Name;
}
