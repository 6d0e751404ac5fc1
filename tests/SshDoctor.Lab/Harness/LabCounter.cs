using System.Runtime.CompilerServices;

namespace SshDoctor.Lab.Harness;

/// <summary>
/// Counts the scenarios/states that really ran sshd and keeps the count in a file
/// ($SSHDOCTOR_LAB_COUNT_FILE, default /tmp/sshdoctor-lab-count) so the test script can print
/// "lab scenarios run: N". The file is reset to 0 when the assembly loads and rewritten on every increment.
/// </summary>
public static class LabCounter
{
    private static int _count;
    private static readonly Lock Gate = new();

    public static string FilePath =>
        Environment.GetEnvironmentVariable("SSHDOCTOR_LAB_COUNT_FILE") is { Length: > 0 } p ? p : "/tmp/sshdoctor-lab-count";

    public static int Count => Volatile.Read(ref _count);

#pragma warning disable CA2255 // a test assembly: reset the count file once per run
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Reset() => Write(0);

    public static void Increment()
    {
        lock (Gate) Write(++_count);
    }

    private static void Write(int n)
    {
        try { File.WriteAllText(FilePath, n + "\n"); }
        catch (IOException) { } // the count is a report, not a test result
        catch (UnauthorizedAccessException) { }
    }
}
