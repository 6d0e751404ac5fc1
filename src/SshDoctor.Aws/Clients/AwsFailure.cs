namespace SshDoctor.Aws.Clients;

public enum AwsFailureKind
{
    /// <summary>UnauthorizedOperation, AccessDenied*: the caller lacks the IAM action (finding EC2_PERMISSION).</summary>
    PermissionDenied,
    /// <summary>The credentials were refused (AuthFailure, InvalidClientTokenId, ExpiredToken, SignatureDoesNotMatch).</summary>
    CredentialsRejected,
    /// <summary>No credentials could be had when the call was signed (SSO token missing, metadata unreachable...).</summary>
    NoCredentials,
    /// <summary>Still throttled after the SDK's retries (RequestLimitExceeded, ThrottlingException).</summary>
    Throttled,
    /// <summary>The endpoint could not be reached (DNS, refused, reset, timeout).</summary>
    Network,
    /// <summary>The thing named does not exist (InvalidInstanceID.NotFound, InvalidInstanceID.Malformed...).</summary>
    NotFound,
    /// <summary>Any other answer of the service.</summary>
    Service,
}

/// <summary>One failed AWS call: what kind, which IAM action it was, the service's error code and words.</summary>
public sealed record AwsFailure(AwsFailureKind Kind, string Action, string? Code, string Message);

/// <summary>Thrown by <see cref="AwsCall"/>; carries the classified failure, never the SDK's stack.</summary>
public sealed class AwsCallException(AwsFailure failure) : Exception(failure.Action + ": " + failure.Code + " " + failure.Message)
{
    public AwsFailure Failure { get; } = failure;
}
