using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public enum TargetProblem { Missing, NotDirectory, Unreadable, NotLinux }

/// <summary>The target cannot be judged at all; the CLI maps it to exit 2 (bad input) or 3 (undecidable).</summary>
public sealed class TargetException(TargetProblem problem, string detail) : Exception(detail)
{
    public TargetProblem Problem { get; } = problem;
    public string Detail { get; } = detail;
}

/// <summary>Everything read once per run: the tree, its accounts, OS, sshd version and config.</summary>
public sealed class TargetContext
{
    public required TargetRoot Root { get; init; }
    public required Accounts Accounts { get; init; }
    public required OsRelease Os { get; init; }
    public required OpenSshVersion Version { get; init; }
    public required SshdConfig Config { get; init; }
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>What the service manager starts sshd with (-o, -f); part of the effective configuration.</summary>
    public ServiceOptions Service { get; init; } = ServiceOptions.None;

    /// <param name="overlay">Candidate files (target path → content) read in place of the tree's own; never written.</param>
    public static TargetContext Load(string root, IReadOnlyDictionary<string, byte[]>? overlay = null)
    {
        var full = Path.GetFullPath(root);
        if (File.Exists(full)) throw new TargetException(TargetProblem.NotDirectory, full);
        if (!Directory.Exists(full)) throw new TargetException(TargetProblem.Missing, full);
        try
        {
            _ = Directory.EnumerateFileSystemEntries(full).FirstOrDefault();
        }
        catch (UnauthorizedAccessException) when (NeedsRootException.Applies)
        {
            throw new NeedsRootException(full);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new TargetException(TargetProblem.Unreadable, e.Message);
        }
        return Load(new TargetRoot(full), overlay);
    }

    /// <summary>A context for a tree already opened (an overlay shares its caches with <paramref name="tree"/>).</summary>
    public static TargetContext Load(TargetRoot tree, IReadOnlyDictionary<string, byte[]>? overlay = null)
    {
        var full = tree.DisplayRoot;
        var target = overlay is null ? tree : tree.WithOverlay(overlay);
        var passwd = target.Stat("/etc/passwd");
        if (passwd.Kind != FileKind.Regular) throw new TargetException(TargetProblem.NotLinux, "/etc/passwd");
        if (target.ReadText("/etc/passwd") is not { } passwdText) throw new TargetException(TargetProblem.Unreadable, full + "/etc/passwd");
        var os = OsRelease.Load(target);
        var version = SshdVersionDetector.Detect(target, os);
        var service = ServiceOptions.Read(target, os);
        return new TargetContext
        {
            Root = target,
            Accounts = Accounts.Load(target, passwdText),
            Os = os,
            Version = version,
            Config = ConfigParser.Parse(target, version, service.ConfigFile ?? ConfigParser.DefaultPath, service, SshdSysconfDir.Detect(target, version)),
            Service = service,
        };
    }

    /// <summary>A real path is the account's home or below it (the home resolved inside the target).</summary>
    public bool InHome(Account account, string path) => TargetRoot.IsWithin(Root.RealPath(account.Home) ?? account.Home, path);

    // Read once per run, on first use; safe when accounts are judged in parallel (a second reader's copy is dropped).
    private HostShell? _shell;
    private Box<int>? _mainPort;
    private Listeners? _listeners;
    private Box<bool>? _selinuxEnforcing;

    /// <summary>A value type held by reference, so that it can be published once with LazyInitializer.</summary>
    private sealed record Box<T>(T Value) where T : struct;

    /// <summary>How printed commands name paths, owners and services where they will be pasted.</summary>
    public HostShell Shell => _shell ?? LazyInitializer.EnsureInitialized(ref _shell, () => new HostShell(Root, Accounts, Os));

    /// <summary>The port sshd listens on first (for the sshd -T cross-check); read from the config once.</summary>
    public int MainPort => (_mainPort ?? LazyInitializer.EnsureInitialized(ref _mainPort, () => new Box<int>(
        Config.Entries.FirstOrDefault(e => e.Keyword == "port" && e.Block == -1) is { } port && int.TryParse(port.Args[0], out var p) ? p : 22))).Value;

    /// <summary>Where sshd listens (Port, ListenAddress): decides Match LocalPort/LocalAddress when only one is possible.</summary>
    public Listeners Listen => _listeners ?? LazyInitializer.EnsureInitialized(ref _listeners, () => Listeners.From(Config));

    /// <summary>The target enforces SELinux (etc/selinux/config); read once per run.</summary>
    public bool SelinuxEnforcing => (_selinuxEnforcing ?? LazyInitializer.EnsureInitialized(ref _selinuxEnforcing, () => new Box<bool>(SecurityContext.Enforcing(Root)))).Value;

    public ConnectionInfo Connection(Account? account, string userName, string? from) => new(
        userName,
        account is null ? [] : Accounts.GroupsOf(account).Select(g => g.Name).ToList(),
        from,
        Listen.OnlyPort) { LocalAddress = Listen.OnlyAddress };

    public EffectiveConfig EffectiveFor(Account? account, string userName, string? from) =>
        EffectiveConfig.For(Config, Version, Connection(account, userName, from));
}
