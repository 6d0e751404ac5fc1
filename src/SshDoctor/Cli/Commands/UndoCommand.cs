using System.CommandLine;
using System.Runtime.Versioning;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Repair;
using SshDoctor.Core.Target;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor undo`: restores what one fix run changed, byte for byte, with modes and owners.</summary>
[UnsupportedOSPlatform("windows")]
public static class UndoCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var root = new Option<string>("--root") { Description = "The system the fix ran on: / (default) or the mounted root volume.", DefaultValueFactory = _ => "/" };
        var run = new Option<string?>("--run") { Description = "The run id fix printed (default: the last run not yet undone)." };
        var command = new Command("undo",
            "Restore the files one `sshdoctor fix` run changed (content, mode, owner); remove what it created.\n" +
            "Runs are kept under <root>/var/backups/sshdoctor/<run-id>/.\n\n" +
            "Example:\n  sshdoctor undo --root /mnt/rescue --run 20261121-101500-3fa2");
        command.Options.Add(root);
        command.Options.Add(run);
        common.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(root)!, parse.GetValue(run), parse.GetValue(common.Json), common.MessagesFor(parse), io));
        return command;
    }

    private static int Run(string root, string? runId, bool json, Messages m, CliIo io)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new UsageException(m.Get("err.root_missing", ("root", full)));
        var target = new TargetRoot(full);
        try
        {
            var (journal, dir) = UndoRun.Find(target, runId);
            UndoRun.Undo(target, journal, dir);
            var restored = journal.Entries.Select(e => e.Path).Distinct().ToList();
            if (json) JsonOut.Write(io.Out, new UndoJson("sshdoctor", 1, "undo", full, journal.RunId, restored), FixJsonContext.Relaxed.UndoJson);
            else TerminalWriter.Wrap(io.Out).WriteLine(m.Get("fix.undo.done", ("run", journal.RunId), ("count", restored.Count.ToString())));
            return ExitCodes.Ok;
        }
        catch (UndoException e)
        {
            var key = e.Problem switch
            {
                UndoProblem.NoRuns => "fix.undo.none",
                UndoProblem.UnknownRun => "fix.undo.unknown",
                UndoProblem.AlreadyUndone => "fix.undo.already",
                _ => "fix.undo.broken",
            };
            throw new UsageException(m.Get(key, ("run", e.RunId), ("root", full)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TerminalWriter.Wrap(io.Err).WriteLine("sshdoctor: " + m.Get("fix.undo.failed", ("run", runId ?? "?"), ("reason", e.Message)));
            return ExitCodes.Undecided;
        }
    }
}
