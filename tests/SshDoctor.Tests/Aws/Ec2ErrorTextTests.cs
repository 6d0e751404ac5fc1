using System.Text.Json;
using SshDoctor.Aws.Clients;
using SshDoctor.Core.Localization;
using SshDoctor.TestSupport;
using SshDoctor.Tests.Localization;

namespace SshDoctor.Tests.Aws;

/// <summary>
/// `ec2`, `ec2 fix` and `ec2 undo` report AWS failures through one table (AwsErrorText): the same error ID, exit code
/// and sentence for the same failure, whichever command met it.
/// </summary>
[Collection("aws-process-environment")]
public sealed class Ec2ErrorTextTests
{
    private static readonly Messages En = Messages.For(Lang.En);

    public static TheoryData<AwsFailureKind, string> Kinds() => new()
    {
        { AwsFailureKind.PermissionDenied, "aws_permission_denied" },
        { AwsFailureKind.CredentialsRejected, "aws_credentials_rejected" },
        { AwsFailureKind.NoCredentials, "aws_no_credentials" },
        { AwsFailureKind.Throttled, "aws_throttled" },
        { AwsFailureKind.Network, "aws_network" },
        { AwsFailureKind.NotFound, "aws_not_found" },
        { AwsFailureKind.Service, "aws_service" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_AWS_side_failure_is_exit_3_with_the_kind_in_its_ID_and_the_action_in_its_sentence(AwsFailureKind kind, string id)
    {
        var f = new AwsFailure(kind, "ssm:SendCommand", "SomeCode", "the service's words");
        var (exit, errorId, message) = AwsErrorText.Call(f, En, "i-0123456789abcdef0", "eu-west-3");
        Assert.Equal(3, exit);
        Assert.Equal(id, errorId);
        Assert.Equal("aws_" + AwsErrorText.KindName(kind), errorId);
        Assert.Contains("ssm:SendCommand", message, StringComparison.Ordinal);
        Assert.Equal(message, AwsErrorText.Message(f, En));
        Assert.DoesNotContain("{", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TextCompletenessTests.EveryLang), MemberType = typeof(TextCompletenessTests))]
    public void A_denied_permission_names_the_policy_of_the_command_that_met_it(Lang lang)
    {
        var m = Messages.For(lang);
        var denied = new AwsFailure(AwsFailureKind.PermissionDenied, "ssm:PutComplianceItems", "AccessDeniedException", "not authorized");
        var ssm = AwsErrorText.Call(denied, m, "i-0123456789abcdef0", "eu-west-3", AwsErrorText.SsmPolicy).Message;
        Assert.Contains("docs/ssm-iam-policy.json", ssm, StringComparison.Ordinal);
        Assert.DoesNotContain("ec2-iam-policy", ssm, StringComparison.Ordinal);
        var ec2 = AwsErrorText.Call(denied with { Action = "ec2:DescribeInstances" }, m, "i-0123456789abcdef0", "eu-west-3").Message;
        Assert.Contains("docs/ec2-iam-policy.json", ec2, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_that_does_not_exist_is_bad_input_for_every_command()
    {
        var f = new AwsFailure(AwsFailureKind.NotFound, "ec2:DescribeInstances", "InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist");
        var (exit, id, message) = AwsErrorText.Call(f, En, "i-0123456789abcdef0", "eu-west-3");
        Assert.Equal((2, "no_instance"), (exit, id));
        Assert.Equal("no instance i-0123456789abcdef0 in region eu-west-3 (another region or account?)", message);
        // anything else that is not found (an SSM invocation, an agent that is not connected) is on the AWS side
        var other = AwsErrorText.Call(f with { Action = "ssm:SendCommand", Code = "InvalidInstanceId" }, En, "i-0123456789abcdef0", "eu-west-3");
        Assert.Equal((3, "aws_not_found"), (other.Exit, other.Id));
    }

    [Fact]
    public void Fix_gives_the_setup_error_diagnose_gives_localized_with_the_same_ID()
    {
        using var env = new AwsEnvironmentScope();
        env.Set("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01").Set("AWS_SECRET_ACCESS_KEY", "secret");
        var diagnose = CliRunner.Run(["ec2", "i-0123456789abcdef0", "--json", "--lang", "fr"]);
        var repair = CliRunner.Run(["ec2", "fix", "i-0123456789abcdef0", "--via", "ssm", "--json", "--lang", "fr"]);
        Assert.Equal((2, 2), (diagnose.Exit, repair.Exit));
        using var d = JsonDocument.Parse(diagnose.Out);
        using var r = JsonDocument.Parse(repair.Out);
        Assert.Equal("aws_no_region", d.RootElement.GetProperty("error").GetProperty("id").GetString());
        Assert.Equal("aws_no_region", r.RootElement.GetProperty("error").GetProperty("id").GetString());
        Assert.Equal(d.RootElement.GetProperty("error").GetProperty("message").GetString(), r.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("aucune région AWS", repair.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("NoRegion", repair.Err, StringComparison.Ordinal);
    }
}
