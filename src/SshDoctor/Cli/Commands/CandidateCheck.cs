using SshDoctor.Cli.Output;
using SshDoctor.Core.Candidate;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Cli.Commands;

/// <summary>`check --candidate`: the verdicts today and with the proposed files, side by side; exit 1 when anyone loses access.</summary>
public static class CandidateCheck
{
    public static int Run(TargetContext today, IReadOnlyList<CandidateFile> files, IReadOnlyList<string>? users, PublicKey? key, string? from,
        OutputFormat output, Messages m, CliIo io, Core.Model.ClientProfile? client = null)
    {
        var report = CandidateJudge.Run(today, files, users, key, from, client);
        switch (output)
        {
            case OutputFormat.Json:
                JsonOut.Write(io.Out, CandidateRendering.ToJson(report, key, m), CandidateJsonContext.Relaxed.CandidateCheckJson);
                break;
            case OutputFormat.JsonLines:
                JsonOut.Write(io.Out, CandidateRendering.ToJson(report, key, m), CandidateJsonContext.Compact.CandidateCheckJson);
                break;
            default:
                CandidateRendering.WriteText(io.Out, report, m);
                break;
        }
        return report.Verdict == Verdict.Refused ? ExitCodes.Blocking : ExitCodes.Ok;
    }
}
