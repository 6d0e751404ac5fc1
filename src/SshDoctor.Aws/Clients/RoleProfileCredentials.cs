using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// A profile with `role_arn`: AssumeRole signed with the source profile's (or credential_source's) credentials.
/// The SDK's own AssumeRoleAWSCredentials gets its STS client from the runtime-dependency registry under Native AOT,
/// and that registry's factory is not told the source credentials; so the role is assumed here, with them.
/// </summary>
internal sealed class RoleProfileCredentials(
    AWSCredentials source, string roleArn, string sessionName, string? externalId, RegionEndpoint region)
    : RefreshingAWSCredentials
{
    public string RoleArn => roleArn;

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        using var sts = new AmazonSecurityTokenServiceClient(source, new AmazonSecurityTokenServiceConfig { RegionEndpoint = region });
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = sessionName,
            ExternalId = externalId,
        }).ConfigureAwait(false);
        var c = response.Credentials;
        var expires = c.Expiration ?? DateTime.UtcNow.AddHours(1);
        return new CredentialsRefreshState(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expires);
    }
}
