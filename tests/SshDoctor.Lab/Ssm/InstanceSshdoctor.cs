using System.Text.Json;
using SshDoctor.Lab.Harness;

namespace SshDoctor.Lab.Ssm;

/// <summary>
/// Installs this build's sshdoctor (the JIT build: sshdoctor.dll, the assemblies its sshdoctor.deps.json lists,
/// sshdoctor.deps.json, sshdoctor.runtimeconfig.json) INTO an instance's tree, under <see cref="Dir"/>, with a launcher
/// script <see cref="Launcher"/> (/usr/bin/dotnet, the host's runtime, which the instance sees through its overlay's
/// lower layer). The files are copied, never referred to by a host path: the test's output directory (e.g. under
/// /tmp/ci-clone) is not visible inside the instance, whose /tmp is the tree's. When SSHDOCTOR_BIN names a native
/// executable (the Native AOT build, an ELF file: self-contained), that one file is installed as the launcher instead.
/// </summary>
public static class InstanceSshdoctor
{
    public const string Dir = "/usr/local/lib/sshdoctor-lab";
    public const string Launcher = Dir + "/sshdoctor";
    private const string Dotnet = "/usr/bin/dotnet";

    /// <summary>The files of the build's sshdoctor, by name, from the test's output directory.</summary>
    public static IReadOnlyList<string> Files()
    {
        var dir = AppContext.BaseDirectory;
        var deps = Path.Combine(dir, "sshdoctor.deps.json");
        if (!File.Exists(deps)) throw new InvalidOperationException($"no sshdoctor.deps.json in {dir}: the lab project must reference src/SshDoctor");
        var names = new SortedSet<string>(StringComparer.Ordinal) { "sshdoctor.dll", "sshdoctor.deps.json", "sshdoctor.runtimeconfig.json" };
        using var doc = JsonDocument.Parse(File.ReadAllText(deps));
        foreach (var target in doc.RootElement.GetProperty("targets").EnumerateObject())
            foreach (var library in target.Value.EnumerateObject())
                if (library.Value.TryGetProperty("runtime", out var runtime))
                    foreach (var asset in runtime.EnumerateObject())
                        names.Add(Path.GetFileName(asset.Name));
        return [.. names];
    }

    /// <summary>SSHDOCTOR_BIN when it is an ELF executable (the AOT build); a wrapper script or nothing: null.</summary>
    public static string? NativeBinary()
    {
        var bin = Environment.GetEnvironmentVariable("SSHDOCTOR_BIN");
        if (bin is not { Length: > 0 } || !File.Exists(bin)) return null;
        Span<byte> magic = stackalloc byte[4];
        using var f = File.OpenRead(bin);
        return f.Read(magic) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0x7f, (byte)'E', (byte)'L', (byte)'F']) ? Path.GetFullPath(bin) : null;
    }

    /// <summary>Copies the build into TREE (root-owned, 0644; the launcher 0755) and returns the launcher's path inside the instance.</summary>
    public static string Install(LabTree tree)
    {
        tree.Mkdir("/usr/local", "0755").Mkdir("/usr/local/lib", "0755").Mkdir(Dir, "0755");
        if (NativeBinary() is { } native)
        {
            tree.WriteFile(Launcher, File.ReadAllBytes(native), "0755");
            return Launcher;
        }
        if (!File.Exists(Dotnet)) throw new InvalidOperationException($"{Dotnet} is needed: the instance runs sshdoctor with the host's .NET runtime");
        foreach (var name in Files())
        {
            var from = Path.Combine(AppContext.BaseDirectory, name);
            if (!File.Exists(from)) throw new InvalidOperationException($"{name}, listed by sshdoctor.deps.json, is not in {AppContext.BaseDirectory}");
            tree.WriteFile(Dir + "/" + name, File.ReadAllBytes(from));
        }
        tree.WriteFile(Launcher, $"#!/bin/sh\nexec {Dotnet} {Dir}/sshdoctor.dll \"$@\"\n", "0755");
        return Launcher;
    }
}
