using System.Runtime.CompilerServices;

namespace SshDoctor.Lab.Harness;

/// <summary>
/// Counts the scenarios/states that really ran sshd and keeps the count in a file
/// ($SSHDOCTOR_LAB_COUNT_FILE, default /tmp/sshdoctor-lab-count) so the test script can print
/// "lab scenarios run: N", and the count per judge in FILE.judges ("bullseye 153" per line).
/// The files are reset when the assembly loads and rewritten on every increment.
/// </summary>
public static class LabCounter
{
    private static int _count;
    private static readonly SortedDictionary<string, int> PerJudge = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static string FilePath =>
        Environment.GetEnvironmentVariable("SSHDOCTOR_LAB_COUNT_FILE") is { Length: > 0 } p ? p : "/tmp/sshdoctor-lab-count";

    public static int Count => Volatile.Read(ref _count);

#pragma warning disable CA2255 // a test assembly: reset the count file once per run
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Reset() => Write(0);

    /// <summary>A lab case on the machine's sshd (fix/undo, faults).</summary>
    public static void Increment() => Increment(Judge.Bookworm);

    public static void Increment(string judge)
    {
        lock (Gate)
        {
            PerJudge[judge] = PerJudge.GetValueOrDefault(judge) + 1;
            Write(++_count);
        }
    }

    private static void Write(int n)
    {
        try
        {
            File.WriteAllText(FilePath, n + "\n");
            File.WriteAllText(FilePath + ".judges", string.Concat(PerJudge.Select(p => $"{p.Key} {p.Value}\n")));
        }
        catch (IOException) { } // the count is a report, not a test result
        catch (UnauthorizedAccessException) { }
    }
}
