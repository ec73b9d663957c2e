namespace Moderation.Api.Model;

/// <summary>The learning loop's settings (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>New labels since the last retrain that start one by themselves; 0 turns automatic retraining off.</summary>
    public int AutoRetrainLabels { get; set; } = 500;

    /// <summary>The shortest time between two automatic retrains.</summary>
    public TimeSpan AutoRetrainInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each silo looks at the label counts for an automatic retrain.</summary>
    public TimeSpan AutoRetrainCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of the site's clean labelled comments a retrained model's hold threshold may hold.</summary>
    public double TargetCleanHoldRate { get; set; } = 0.05;

    /// <summary>How much lower a candidate's held-out ROC-AUC may be than the current model's and still be promoted.</summary>
    public double PromotionTolerance { get; set; }

    /// <summary>Largest body of a label import, in bytes (other routes keep <c>Api:MaxRequestBodyBytes</c>).</summary>
    public long MaxImportBodyBytes { get; set; } = 16 * 1024 * 1024;
}
