using System.CommandLine;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Fleet;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor report`: merges many hosts' JSON output (documents or JSON Lines) into one summary.</summary>
public static class ReportCommand
{
    private const int MaxInputBytes = 256 * 1024 * 1024;

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var files = new Argument<string[]>("FILE")
        {
            Description = "sshdoctor --json or --format jsonl output, one file per host or many documents per file; - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("report",
            "Merge the JSON output of sshdoctor from many hosts into one summary: hosts per finding ID, accounts that lose " +
            "access per host (check --candidate), hosts that could not be judged.\n\n" +
            "Examples:\n" +
            "  sshdoctor report results/*.json\n" +
            "  cat fleet.jsonl | sshdoctor report - --json\n\n" +
            "Exit codes: 0 nothing blocks anywhere, 1 a host refuses or someone loses access, 2 bad input, 3 some hosts could not be judged.");
        command.Arguments.Add(files);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var m = common.MessagesFor(parse);
            var hosts = new List<HostResult>();
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    hosts.AddRange(HostDocuments.Read(file, Read(file, m)));
                }
                catch (HostDocumentException e)
                {
                    throw new UsageException(m.Get("err.report_input", ("path", e.Input), ("reason", e.Detail)));
                }
            }
            var summary = FleetSummary.Merge(hosts);
            if (parse.GetValue(common.Json)) JsonOut.Write(io.Out, ReportRendering.ToJson(summary), ReportJsonContext.Relaxed.ReportJson);
            else ReportRendering.WriteText(io.Out, summary, m);
            return summary.Result switch
            {
                "loses_access" or "blocking" => ExitCodes.Blocking,
                "incomplete" => ExitCodes.Undecided,
                _ => ExitCodes.Ok,
            };
        });
        return command;
    }

    private static byte[] Read(string file, Messages m)
    {
        try
        {
            if (file == "-")
            {
                using var stdin = CliInput.OpenStdin();
                using var buffer = new MemoryStream();
                var chunk = new byte[1 << 16];
                int n;
                while ((n = stdin.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, n);
                    if (buffer.Length > MaxInputBytes) throw new UsageException(m.Get("err.report_input", ("path", "-"), ("reason", "> 256 MiB")));
                }
                return buffer.ToArray();
            }
            var info = new FileInfo(file);
            if (!info.Exists) throw new UsageException(m.Get("err.report_input", ("path", file), ("reason", m.Get("err.candidate.no_file"))));
            if (info.Length > MaxInputBytes) throw new UsageException(m.Get("err.report_input", ("path", file), ("reason", "> 256 MiB")));
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(m.Get("err.report_input", ("path", file), ("reason", e.Message)));
        }
    }
}
