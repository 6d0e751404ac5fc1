namespace SshDoctor.Ec2Emulator.Http;

/// <summary>An error the emulated API answers with: HTTP status, code and message (EC2 XML or SSM JSON shape).</summary>
public sealed class ApiError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static ApiError Ec2(string code, string message) => new(400, code, message);
}
