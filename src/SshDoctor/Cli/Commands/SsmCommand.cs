using System.CommandLine;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using SshDoctor.Aws.Clients;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Text;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor ssm compliance|parameter`: what the SSM Command document docs/ssm/sshdoctor-check.json runs on an instance.</summary>
[UnsupportedOSPlatform("windows")]
internal static partial class SsmCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("ssm", "Report sshdoctor check through AWS Systems Manager: compliance items, candidates from Parameter Store.");
        command.Subcommands.Add(SsmComplianceCommand.Create(io));
        command.Subcommands.Add(SsmParameterCommand.Create(io));
        return command;
    }

    [GeneratedRegex("^(i|mi)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex InstanceId();

    /// <summary>Runs <paramref name="body"/> with the AWS clients; a setup problem or failed call is one line on stderr
    /// (AwsErrorText: exit 2 for bad input, 3 otherwise, naming the IAM action), recorded for the --json error document.</summary>
    public static async Task<int> GuardAsync(CliIo io, Messages m, AwsOptions options, string resource, Func<AwsClients, Task<int>> body,
        Func<AwsFailure, (int, string, string)?>? special = null)
    {
        AwsClients aws;
        try
        {
            aws = AwsClientFactory.Create(options);
        }
        catch (AwsSetupException e)
        {
            var (exit, id, message) = AwsErrorText.Setup(e, m);
            return Fail(io, exit, id, message);
        }
        using (aws)
        {
            try
            {
                return await body(aws).ConfigureAwait(false);
            }
            catch (AwsCallException e)
            {
                var (exit, id, message) = special?.Invoke(e.Failure) ?? AwsErrorText.Call(e.Failure, m, resource, aws.Region.SystemName, AwsErrorText.SsmPolicy);
                return Fail(io, exit, id, message);
            }
        }
    }

    public static int Fail(CliIo io, int exit, string id, string message)
    {
        if (exit == ExitCodes.Usage) throw new UsageException(message, id);
        CliErrors.Record(id, message);
        io.Err.WriteLine("sshdoctor: " + TerminalText.Escape(message));
        return exit;
    }
}
