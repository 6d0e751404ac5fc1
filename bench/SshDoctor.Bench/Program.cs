using System.Diagnostics;
using SshDoctor.Bench;
using SshDoctor.Cli;

#pragma warning disable CA1416 // Linux-only benchmark
// generate DIR USERS      build a root tree with USERS accounts (homes, keys, a drop-in, Match blocks)
// measure DIR RUNS        time `check --all-users` in-process (after one warm-up run)
switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 3:
        BenchTree.Generate(args[1], int.Parse(args[2]));
        Console.WriteLine($"generated {args[2]} users under {args[1]}");
        return 0;
    case "measure" when args.Length == 3:
        var runs = int.Parse(args[2]);
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var code = CliApp.Run(["check", "--root", args[1], "--all-users", "--key", Path.Combine(args[1], "bench-key.pub"), "--json"], TextWriter.Null, Console.Error);
            sw.Stop();
            if (code is not (0 or 1)) { Console.Error.WriteLine($"check exited {code}"); return 1; }
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"check --all-users in-process: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;
    case "phases" when args.Length == 2:
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            var ctx = SshDoctor.Core.Model.TargetContext.Load(args[1]);
            var load = sw.Elapsed.TotalMilliseconds;
            var checker = new SshDoctor.Core.Model.Checker(ctx);
            var key = SshDoctor.Core.Keys.KeyFile.Load(Path.Combine(args[1], "bench-key.pub")).Public;
            var report = checker.Run(checker.LoginAccounts(), key, null);
            var model = sw.Elapsed.TotalMilliseconds - load;
            var m = SshDoctor.Core.Localization.Messages.For(SshDoctor.Core.Localization.Lang.En);
            var json = SshDoctor.Cli.Output.CheckRendering.ToJson(report, true, m);
            SshDoctor.Cli.Output.JsonOut.Write(TextWriter.Null, json, SshDoctor.Cli.Output.CheckJsonContext.Relaxed.CheckJson);
            Console.WriteLine($"load {load:F0} ms, model {model:F0} ms, render {sw.Elapsed.TotalMilliseconds - load - model:F0} ms ({report.Users.Count} users); process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: SshDoctor.Bench generate DIR USERS | measure DIR RUNS");
        return 2;
}
