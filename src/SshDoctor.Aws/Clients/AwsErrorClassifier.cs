using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace SshDoctor.Aws.Clients;

/// <summary>Sorts what the SDK throws into <see cref="AwsFailureKind"/>s by error code, HTTP status and exception chain.</summary>
public static class AwsErrorClassifier
{
    public static AwsFailureKind KindOf(string? code, HttpStatusCode status)
    {
        if (code is null) return status == HttpStatusCode.Forbidden ? AwsFailureKind.PermissionDenied : AwsFailureKind.Service;
        if (code == "UnauthorizedOperation" || code.StartsWith("AccessDenied", StringComparison.Ordinal))
            return AwsFailureKind.PermissionDenied;
        if (code is "AuthFailure" or "InvalidClientTokenId" or "UnrecognizedClientException" or "SignatureDoesNotMatch"
            or "ExpiredToken" or "ExpiredTokenException" or "RequestExpired" or "OptInRequired")
            return AwsFailureKind.CredentialsRejected;
        if (code is "RequestLimitExceeded" or "Throttling" or "ThrottlingException" or "TooManyRequestsException")
            return AwsFailureKind.Throttled;
        if (code.EndsWith(".NotFound", StringComparison.Ordinal) || code.EndsWith(".Malformed", StringComparison.Ordinal)
            || code is "InvalidInstanceId" or "InvalidInstanceID")
            return AwsFailureKind.NotFound;
        return AwsFailureKind.Service;
    }

    public static AwsFailure Classify(string action, Exception e)
    {
        if (e is AmazonServiceException s && (s.ErrorCode is not null || s.StatusCode != 0) && !IsNetwork(s))
            return new AwsFailure(KindOf(s.ErrorCode, s.StatusCode), action, s.ErrorCode, OneLine(s.Message));
        if (IsNetwork(e))
            return new AwsFailure(AwsFailureKind.Network, action, null, OneLine(Innermost(e).Message));
        if (e is AmazonClientException c && c.Message.Contains("credential", StringComparison.OrdinalIgnoreCase))
            return new AwsFailure(AwsFailureKind.NoCredentials, action, null, OneLine(c.Message));
        return new AwsFailure(AwsFailureKind.Service, action, null, OneLine(e.Message));
    }

    private static bool IsNetwork(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            // A TaskCanceledException here is the HTTP timeout: AwsCall rethrows the caller's own cancellation first.
            if (x is HttpRequestException or SocketException or TimeoutException or TaskCanceledException
                || (x is IOException && x is not FileNotFoundException))
                return true;
        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
