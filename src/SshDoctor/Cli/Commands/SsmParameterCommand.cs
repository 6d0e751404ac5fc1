using System.CommandLine;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement.Model;
using Command = System.CommandLine.Command;
using SshDoctor.Aws.Clients;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// `sshdoctor ssm parameter NAME -o FILE`: GetParameter with decryption, the value written to a NEW file (O_CREAT|O_EXCL,
/// mode 0600: an existing file or link is refused, never followed or replaced), for `check --candidate FILE`. The value
/// is never printed.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class SsmParameterCommand
{
    public const string Action = "ssm:GetParameter";

    [GeneratedRegex("^[A-Za-z0-9_.\\-/]{1,2048}$")]
    public static partial Regex ParameterName();

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var name = new Argument<string>("name") { Description = "The parameter's name (/sshdoctor/candidate)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: it must not exist; created with mode 0600.", Required = true };
        var profile = new Option<string?>("--profile") { Description = "AWS profile." };
        var region = new Option<string?>("--region") { Description = "AWS region." };
        var command = new Command("parameter", "Fetch a candidate sshd configuration from SSM Parameter Store into a new file, to judge it with check --candidate.");
        command.Arguments.Add(name);
        foreach (var o in new Option[] { output, profile, region }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var m = common.MessagesFor(parse);
            var parameter = parse.GetValue(name) ?? "";
            if (!ParameterName().IsMatch(parameter)) throw new UsageException(m.Get("ssm.err.bad_name", ("value", parameter)), "bad_parameter_name");
            var file = parse.GetValue(output) ?? "";
            if (File.Exists(file) || Directory.Exists(file) || new FileInfo(file).LinkTarget is not null)
                throw new UsageException(m.Get("ssm.err.file_exists", ("file", file)), "file_exists");
            return await SsmCommand.GuardAsync(io, m, new AwsOptions(parse.GetValue(profile), parse.GetValue(region)), parameter, async aws =>
            {
                var r = await AwsCall.Run(Action, c => aws.Ssm.GetParameterAsync(new GetParameterRequest { Name = parameter, WithDecryption = true }, c), ct).ConfigureAwait(false);
                var bytes = Encoding.UTF8.GetBytes(r.Parameter?.Value ?? "");
                WriteNew(file, bytes, m);
                if (parse.GetValue(common.Json))
                    JsonOut.Write(io.Out, new SsmParameterJson("sshdoctor", 1, "ssm parameter", parameter, r.Parameter?.Type?.Value ?? "", r.Parameter?.Version ?? 0,
                        file, bytes.Length, "written", ExitCodes.Ok), SsmJsonContext.Relaxed.SsmParameterJson);
                else
                    io.Out.WriteLine(m.Get("ssm.ui.parameter_written", ("name", parameter), ("version", (r.Parameter?.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("file", file)));
                return ExitCodes.Ok;
            }, f => f.Code == "ParameterNotFound"
                ? (ExitCodes.Usage, "parameter_not_found", m.Get("ssm.err.parameter_not_found", ("name", parameter)))
                : null).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Creates <paramref name="path"/> (it must not exist, even as a dangling link) with mode 0600 and writes the bytes.</summary>
    public static void WriteNew(string path, byte[] bytes, Messages m)
    {
        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            stream.Write(bytes);
            stream.Flush(true);
        }
        catch (IOException) when (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            throw new UsageException(m.Get("ssm.err.file_exists", ("file", path)), "file_exists");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(m.Get("ssm.err.write", ("file", path), ("detail", e.Message)), "write_failed");
        }
    }
}
