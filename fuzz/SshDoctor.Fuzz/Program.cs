using SharpFuzz;
using SshDoctor.Fuzz;

// dotnet SshDoctor.Fuzz.dll TARGET            run under afl-fuzz (input on stdin, persistent mode)
// dotnet SshDoctor.Fuzz.dll TARGET FILE...    run each file once and print the slowest (triage)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine("usage: SshDoctor.Fuzz " + string.Join('|', FuzzTargets.Names) + " [FILE...]");
    return 2;
}
var target = args[0];
var scratch = Directory.CreateTempSubdirectory("sshdoctor-fuzz-").FullName;
try
{
    if (args.Length > 1)
    {
        var slowest = (Ms: 0.0, File: "");
        foreach (var file in args.Skip(1))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            FuzzTargets.Run(target, File.ReadAllBytes(file), scratch);
            if (clock.Elapsed.TotalMilliseconds > slowest.Ms) slowest = (clock.Elapsed.TotalMilliseconds, file);
        }
        Console.WriteLine($"{args.Length - 1} inputs; slowest {slowest.Ms:F1} ms: {slowest.File}");
        return 0;
    }
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        FuzzTargets.Run(target, buffer.ToArray(), scratch);
    });
    return 0;
}
finally
{
    Directory.Delete(scratch, true);
}
