namespace DistillGuard.Sharing.Matching;

/// <summary>A peer bundle refused at intake (not JSON, not a STIX 2.1 bundle, too large, or marked outside what is allowed).</summary>
public sealed class BundleRejectedException : Exception
{
    public BundleRejectedException()
    {
    }

    public BundleRejectedException(string message)
        : base(message)
    {
    }

    public BundleRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
