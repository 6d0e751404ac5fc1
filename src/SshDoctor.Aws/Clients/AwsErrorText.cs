using SshDoctor.Core.Localization;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// The one place that turns an AWS setup problem or a failed call into an exit code, a stable error ID and one
/// localized line (texts aws.error.*), for `ec2`, `ec2 fix` and `ec2 undo` alike. The ID is "aws_" + <see cref="KindName"/>.
/// design.md: 2 is bad input (the instance named does not exist, no region, an unknown profile); 3 is "could not decide":
/// every failure on the AWS side, a denied permission among them.
/// </summary>
public static class AwsErrorText
{
    public const int Usage = 2;
    public const int Undecided = 3;

    public static (int Exit, string Id, string Message) Setup(AwsSetupException e, Messages m) => e.Problem switch
    {
        AwsSetupProblem.NoRegion => (Usage, "aws_no_region", m.Get("aws.error.no_region")),
        AwsSetupProblem.BadRegion => (Usage, "aws_bad_region", m.Get("aws.error.bad_region", ("region", e.Name ?? ""))),
        AwsSetupProblem.ProfileUnknown => (Usage, "aws_profile_unknown", m.Get("aws.error.profile_unknown", ("profile", e.Name ?? ""))),
        AwsSetupProblem.ProfileUnusable => (Undecided, "aws_profile_unusable", m.Get("aws.error.profile_unusable", ("profile", e.Name ?? ""), ("detail", e.Detail ?? ""))),
        _ => (Undecided, "aws_no_credentials", m.Get("aws.error.no_credentials", ("detail", e.Detail ?? "-"))),
    };

    /// <summary>A failed call. <paramref name="instance"/> and <paramref name="region"/> name the instance the command was
    /// given: when DescribeInstances says it does not exist, that is the user's input (exit 2, "no_instance"), as an
    /// unknown user or a missing --root is for the other commands.</summary>
    public static (int Exit, string Id, string Message) Call(AwsFailure f, Messages m, string instance, string region, string policy = Ec2Policy)
    {
        if (IsMissingInstance(f))
            return (Usage, "no_instance", m.Get("ec2.error.no_instance", ("instance", instance), ("region", region)));
        return (Undecided, "aws_" + KindName(f.Kind), Message(f, m, policy));
    }

    /// <summary>The IAM policy that lists what the failing command needs: `ec2` and its repairs, or the `ssm` commands
    /// that run on an instance under its role (a denied permission names it).</summary>
    public const string Ec2Policy = "docs/ec2-iam-policy.json";
    public const string SsmPolicy = "docs/ssm-iam-policy.json";

    /// <summary>The one line for a failed call (a diagnosis lists the calls that failed without ending).</summary>
    public static string Message(AwsFailure f, Messages m, string policy = Ec2Policy)
    {
        (string, string)[] args = [("action", f.Action), ("code", f.Code ?? "-"), ("detail", f.Message), ("policy", policy)];
        return m.Get(f.Kind switch
        {
            AwsFailureKind.PermissionDenied => "aws.error.permission",
            AwsFailureKind.CredentialsRejected => "aws.error.credentials_rejected",
            AwsFailureKind.NoCredentials => "aws.error.call_no_credentials",
            AwsFailureKind.Throttled => "aws.error.throttled",
            AwsFailureKind.Network => "aws.error.network",
            AwsFailureKind.NotFound => "aws.error.not_found",
            _ => "aws.error.service",
        }, args);
    }

    public static bool IsMissingInstance(AwsFailure f) => f is { Kind: AwsFailureKind.NotFound, Action: "ec2:DescribeInstances" };

    /// <summary>The kind as JSON says it (`errors[].kind`, and the error ID after "aws_").</summary>
    public static string KindName(AwsFailureKind k) => k switch
    {
        AwsFailureKind.PermissionDenied => "permission_denied",
        AwsFailureKind.CredentialsRejected => "credentials_rejected",
        AwsFailureKind.NoCredentials => "no_credentials",
        AwsFailureKind.Throttled => "throttled",
        AwsFailureKind.Network => "network",
        AwsFailureKind.NotFound => "not_found",
        _ => "service",
    };
}
