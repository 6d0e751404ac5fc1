using SharpFuzz;
using SshDoctor.Fuzz;

// dotnet SshDoctor.Fuzz.dll TARGET            run under afl-fuzz: AFL persistent mode in this one process
//                                              (SharpFuzz's Fuzzer.Run: no process start per input)
// dotnet SshDoctor.Fuzz.dll TARGET FILE...    run each file once, print the slowest (triage, uninstrumented copy)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine("usage: SshDoctor.Fuzz " + string.Join('|', FuzzTargets.Names) + " [FILE...]");
    return 2;
}
var target = args[0];
// The sshd_config target writes its files for every input: scripts/fuzz.sh sets TMPDIR to a tmpfs (/dev/shm).
var scratch = Directory.CreateTempSubdirectory("sshdoctor-fuzz-").FullName;
try
{
    if (args.Length > 1)
    {
        var times = new List<(double Ms, string File)>();
        foreach (var file in args.Skip(1))
        {
            var input = File.ReadAllBytes(file);
            try
            {
                FuzzTargets.Run(target, input, scratch); // warm (JIT), then time the second run
                var clock = System.Diagnostics.Stopwatch.StartNew();
                FuzzTargets.Run(target, input, scratch);
                times.Add((clock.Elapsed.TotalMilliseconds, file));
            }
            catch (Exception e)
            {
                Console.WriteLine($"CRASH {file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        if (times.Count == 0) return 1;
        times.Sort();
        var (ms, slowest) = times[^1];
        Console.WriteLine($"{times.Count} inputs; median {times[times.Count / 2].Ms:F3} ms; slowest {ms:F1} ms: {slowest} ({new FileInfo(slowest).Length} bytes)");
        return 0;
    }
    var buffer = new MemoryStream();
    Fuzzer.Run(stream =>
    {
        buffer.SetLength(0);
        stream.CopyTo(buffer);
        FuzzTargets.Run(target, buffer.ToArray(), scratch);
    });
    return 0;
}
finally
{
    Directory.Delete(scratch, true);
}
