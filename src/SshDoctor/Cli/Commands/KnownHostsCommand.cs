using System.CommandLine;
using SshDoctor.Cli.Output;
using SshDoctor.Core.KnownHosts;
using SshDoctor.Core.Probe;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor knownhosts HOST[:PORT]`: only the host key comparison with known_hosts.</summary>
internal static class KnownHostsCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var target = new Argument<string>("target") { Description = "HOST[:PORT]" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds (default 10).", DefaultValueFactory = _ => 10 };
        var knownHosts = new Option<string[]>("--known-hosts") { Description = "known_hosts file(s) (default ~/.ssh/known_hosts)." };
        var command = new Command("knownhosts", "Compare a server's host key with ~/.ssh/known_hosts (changed, unknown, known).");
        command.Arguments.Add(target);
        command.Options.Add(timeout);
        command.Options.Add(knownHosts);
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var m = common.MessagesFor(result);
            var (_, host, port) = ProbeTarget.Parse(result.GetValue(target) ?? "", m);
            var seconds = result.GetValue(timeout);
            if (!(seconds > 0 && seconds <= 600)) throw new UsageException(m.Get("probe.error.bad_timeout"));
            var files = result.GetValue(knownHosts) is { Length: > 0 } kh ? kh : KnownHostsFile.DefaultPaths();
            var (report, check) = await ProbeRunner.HostKeyOnlyAsync(host, port, TimeSpan.FromSeconds(seconds), files, ct);
            var findings = check is null ? [] : ProbeRunner.HostKeyFindings(check, KnownHostsFile.DefaultPath(), host, port).ToList();
            if (result.GetValue(common.Json))
            {
                JsonOut.Write(io.Out, new KnownHostsJson("sshdoctor", 1, "knownhosts", ProbeJsonMapper.Target(host, port, report, check),
                    findings.Select(f => FindingJson.From(f, m)).ToList()), ProbeJsonContext.Instance.KnownHostsJson);
            }
            else
            {
                ProbeCommand.WriteTarget(io.Out, host, port, report, m);
                ProbeCommand.WriteHostKey(io.Out, report, check, m);
                if (check?.Matched is { } match)
                    io.Out.WriteLine("  " + m.Get("probe.hostkey.matched", ("file", $"{match.File}:{match.Line}")));
                FindingTextRenderer.Write(io.Out, findings, m);
            }
            if (report.HostKey is null) return ExitCodes.Undecided;
            return check?.Status is HostKeyStatus.Changed or HostKeyStatus.Revoked ? ExitCodes.Blocking : ExitCodes.Ok;
        });
        return command;
    }
}
