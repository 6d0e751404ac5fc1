using SshDoctor.Core.Localization;

namespace SshDoctor.Aws.Clients;

/// <summary>One localized line for a setup problem or a failed call (texts aws.error.*), and its exit code.</summary>
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

    public static (int Exit, string Id, string Message) Call(AwsFailure f, Messages m)
    {
        (string, string)[] args = [("action", f.Action), ("code", f.Code ?? "-"), ("detail", f.Message)];
        return f.Kind switch
        {
            AwsFailureKind.PermissionDenied => (Undecided, "aws_permission", m.Get("aws.error.permission", args)),
            AwsFailureKind.CredentialsRejected => (Undecided, "aws_credentials_rejected", m.Get("aws.error.credentials_rejected", args)),
            AwsFailureKind.NoCredentials => (Undecided, "aws_no_credentials", m.Get("aws.error.call_no_credentials", args)),
            AwsFailureKind.Throttled => (Undecided, "aws_throttled", m.Get("aws.error.throttled", args)),
            AwsFailureKind.Network => (Undecided, "aws_network", m.Get("aws.error.network", args)),
            AwsFailureKind.NotFound => (Usage, "aws_not_found", m.Get("aws.error.not_found", args)),
            _ => (Undecided, "aws_error", m.Get("aws.error.service", args)),
        };
    }
}
