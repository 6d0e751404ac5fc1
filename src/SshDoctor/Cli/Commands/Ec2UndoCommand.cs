using System.CommandLine;
using System.Runtime.Versioning;
using SshDoctor.Aws.Repair;
using SshDoctor.Cli.Output;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor ec2 undo INSTANCE-ID [--via ssm]`: undoes the last `ec2 fix` run (files from the instance's backups,
/// user data from the local copy), from its journal; a killed undo is completed by running it again.</summary>
[UnsupportedOSPlatform("windows")]
public static class Ec2UndoCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var instance = new Argument<string>("instance-id") { Description = "The instance ID." };
        var via = new Option<string?>("--via") { Description = "ssm: restore the files through SSM Run Command." };
        via.AcceptOnlyFromAmong("ssm");
        var profile = new Option<string?>("--profile") { Description = "AWS profile." };
        var region = new Option<string?>("--region") { Description = "AWS region." };
        var command = new Command("undo",
            "Undo the last `sshdoctor ec2 fix` run of an instance: files from its backups on the instance, user data from this machine's copy.\n\n" +
            "Example:\n  sshdoctor ec2 undo i-0123456789abcdef0\n\n" +
            "Exit codes: 0 undone, 1 some files changed since and were left alone, 2 no run recorded, 3 could not finish.");
        command.Arguments.Add(instance);
        foreach (var o in new Option[] { via, profile, region }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var m = common.MessagesFor(parse);
            var id = parse.GetValue(instance) ?? "";
            Ec2FixCommand.ValidateInstance(id, m);
            var run = new Ec2RunOutput(io, parse.GetValue(common.Json), m, "ec2 undo", id);
            var journal = Ec2Journal.Latest(id) ?? throw new UsageException(m.Get("ec2fix.err.no_run", ("instance", id)), "no_run");
            return await run.GuardAsync(async aws =>
            {
                var result = await new Ec2Fixer(aws, Ec2FixTiming.Default, run.Progress).UndoAsync(id, parse.GetValue(via) == "ssm", ct).ConfigureAwait(false);
                return run.Finish(result, (string?)journal.First("begin")?["user"], null, false);
            }, new Aws.Clients.AwsOptions(parse.GetValue(profile), parse.GetValue(region))).ConfigureAwait(false);
        });
        return command;
    }
}
