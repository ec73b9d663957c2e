using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Moderation.Toxicity.Models;

/// <summary>
/// Reads the logistic regression's weights out of a trained or loaded chain. A loaded chain's calibrated
/// model has a sub-model type ML.NET does not expose, so the public <c>SubModel</c> property is read by name.
/// </summary>
internal static class LinearWeights
{
    /// <summary>The weights, the bias, and the calibrator that turns bias + w·x into a probability.</summary>
    public static (float[] Weights, float Bias, ICalibrator? Calibrator) Of(ITransformer model)
    {
        var last = model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : model;
        if (last is not ISingleFeaturePredictionTransformer<object> predictor)
        {
            throw new ModelLoadException($"The model's last step is {last?.GetType().Name ?? "missing"}, not a linear classifier.");
        }

        var parameters = predictor.Model;
        ICalibrator? calibrator = null;
        if (parameters is not LinearModelParameters linear)
        {
            var properties = parameters.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
            linear = properties.FirstOrDefault(p => p.Name == "SubModel")?.GetValue(parameters) as LinearModelParameters
                ?? throw new ModelLoadException($"The model's classifier is {parameters.GetType().Name}, not a linear model.");
            calibrator = properties.FirstOrDefault(p => p.Name == "Calibrator")?.GetValue(parameters) as ICalibrator;
        }

        return ([.. linear.Weights], linear.Bias, calibrator);
    }

    public static VBuffer<ReadOnlyMemory<char>> SlotNames(DataViewSchema.Column column)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        if (column.HasSlotNames())
        {
            column.GetSlotNames(ref names);
        }

        return names;
    }
}
