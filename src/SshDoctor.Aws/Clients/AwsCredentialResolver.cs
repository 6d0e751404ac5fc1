using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// Credentials as the AWS CLI finds them. A selected profile gives them itself (static keys, SSO, credential_process,
/// web identity, role_arn with source_profile or credential_source); without one the SDK's default chain runs
/// (environment keys, web identity, container, instance metadata).
/// </summary>
internal static class AwsCredentialResolver
{
    private const int MaxRoleChain = 8;

    public static AWSCredentials Resolve(CredentialProfile? profile, AwsEnvironment env, RegionEndpoint region, ICredentialProfileSource profiles)
    {
        if (profile is not null) return FromProfile(profile, region, profiles, 0);
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            throw new AwsSetupException(AwsSetupProblem.NoCredentials, null, FirstLine(e.Message));
        }
    }

    private static AWSCredentials FromProfile(CredentialProfile profile, RegionEndpoint region, ICredentialProfileSource profiles, int depth)
    {
        var o = profile.Options;
        if (o.RoleArn is { } roleArn && o.WebIdentityTokenFile is null)
        {
            if (depth >= MaxRoleChain)
                throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "source_profile chain too long or circular");
            if (o.MfaSerial is not null)
                throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "mfa_serial: sshdoctor does not ask for MFA codes");
            var source = RoleSource(profile, region, profiles, depth);
            var session = o.RoleSessionName ?? "sshdoctor-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return new RoleProfileCredentials(source, roleArn, session, o.ExternalID, region);
        }
        if (AWSCredentialsFactory.TryGetAWSCredentials(profile, profiles, out var credentials))
            return credentials;
        throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "no access keys, SSO, credential_process or role in this profile");
    }

    private static AWSCredentials RoleSource(CredentialProfile profile, RegionEndpoint region, ICredentialProfileSource profiles, int depth)
    {
        var o = profile.Options;
        if (o.SourceProfile is { } sourceName)
        {
            // A profile may name itself as its source: its own static keys sign the AssumeRole.
            if (sourceName == profile.Name)
            {
                if (o.AccessKey is { } ak && o.SecretKey is { } sk)
                    return o.Token is { } token ? new SessionAWSCredentials(ak, sk, token) : new BasicAWSCredentials(ak, sk);
                throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "source_profile names itself without keys");
            }
            var source = AwsProfileSelection.Find(profiles, sourceName)
                ?? throw new AwsSetupException(AwsSetupProblem.ProfileUnknown, sourceName);
            return FromProfile(source, region, profiles, depth + 1);
        }
        return o.CredentialSource switch
        {
            "Environment" => new EnvironmentVariablesAWSCredentials(),
            "Ec2InstanceMetadata" => new InstanceProfileAWSCredentials(),
            "EcsContainer" => new GenericContainerCredentials(),
            { } other => throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "credential_source " + other),
            null => throw new AwsSetupException(AwsSetupProblem.ProfileUnusable, profile.Name, "role_arn without source_profile or credential_source"),
        };
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
