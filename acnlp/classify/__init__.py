"""The status classifier: features from the backbone, a scikit-learn estimator, a saved model."""
