#!/usr/bin/env python3
"""Keras HDF5 model files for KerasImportTest, written with h5py in Keras' documented layout.

Keras 2's `model.save("m.h5")` (keras/saving/hdf5_format.py, save_model_to_hdf5) writes, at the root,
the attributes `keras_version`, `backend`, `model_config` ({"class_name", "config"} as JSON) and
`training_config` (the compile arguments, its `optimizer_config` the optimizer's `serialize` form), and
a group `model_weights` with attribute `layer_names` and one group per layer whose attribute
`weight_names` lists datasets such as `dense/kernel:0`.  This script writes exactly that for a small
Sequential model (Dense 4 -> 8 tanh, Dense 8 -> 3 softmax, seeded weights) compiled with optimizers
whose `learning_rate` is a `keras.optimizers.schedules` configuration -- the case DL4J 1.0.0-M2.1's
importer rejects -- so no Keras or TensorFlow install is needed, and nothing is downloaded.

Run from the repository root (Debian: apt-get install -y python3-h5py):
    python3 tools/keras/generate_keras_models.py
"""

import json
import os

import h5py
import numpy as np

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(REPO, "dl4j-schedules", "src", "test", "resources", "keras")


def dense(name, units, activation, input_dim=None):
    config = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
              "use_bias": True,
              "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
              "bias_initializer": {"class_name": "Zeros", "config": {}},
              "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
              "kernel_constraint": None, "bias_constraint": None}
    if input_dim is not None:
        config["batch_input_shape"] = [None, input_dim]
    return {"class_name": "Dense", "config": config}


MODEL_CONFIG = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    dense("dense", 8, "tanh", input_dim=4), dense("dense_1", 3, "softmax")]}}

WEIGHTS = [("dense", (4, 8)), ("dense_1", (8, 3))]


def training_config(optimizer):
    return {"loss": "categorical_crossentropy", "metrics": ["accuracy"], "weighted_metrics": None,
            "loss_weights": None, "sample_weight_mode": None, "optimizer_config": optimizer}


# file name -> optimizer_config, as Keras 2 (tf.keras 2.x) and Keras 3 serialize it
CASES = {
    "adam-exponential.h5": {"class_name": "Adam", "config": {
        "name": "Adam", "learning_rate": {"class_name": "ExponentialDecay", "config": {
            "initial_learning_rate": 0.01, "decay_steps": 10, "decay_rate": 0.5, "staircase": False,
            "name": None}},
        "decay": 0.0, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}},
    "sgd-cosine-warmup-keras3.h5": {"module": "keras.optimizers", "class_name": "SGD", "config": {
        "name": "SGD", "learning_rate": {"module": "keras.optimizers.schedules", "class_name": "CosineDecay",
                                         "config": {"initial_learning_rate": 0.0, "decay_steps": 20,
                                                    "alpha": 0.1, "name": "CosineDecay",
                                                    "warmup_target": 0.05, "warmup_steps": 5},
                                         "registered_name": None},
        "momentum": 0.0, "nesterov": False}, "registered_name": None},
    "rmsprop-legacy-decay.h5": {"class_name": "RMSprop", "config": {
        "name": "RMSprop", "learning_rate": 0.001, "decay": 0.01, "rho": 0.9, "momentum": 0.0,
        "epsilon": 1e-07, "centered": False}},
    "adam-unsupported-schedule.h5": {"class_name": "Adam", "config": {
        "name": "Adam", "learning_rate": {"class_name": "MyWarmupSchedule", "config": {"peak": 0.01}},
        "decay": 0.0, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}},
}


def write(path, optimizer, rng):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.4.0".encode("utf8")
        f.attrs["backend"] = "tensorflow".encode("utf8")
        f.attrs["model_config"] = json.dumps(MODEL_CONFIG).encode("utf8")
        f.attrs["training_config"] = json.dumps(training_config(optimizer)).encode("utf8")
        weights = f.create_group("model_weights")
        weights.attrs["layer_names"] = [name.encode("utf8") for name, _ in WEIGHTS]
        weights.attrs["backend"] = "tensorflow".encode("utf8")
        weights.attrs["keras_version"] = "2.4.0".encode("utf8")
        for name, shape in WEIGHTS:
            group = weights.create_group(name)
            names = [("%s/kernel:0" % name).encode("utf8"), ("%s/bias:0" % name).encode("utf8")]
            group.attrs["weight_names"] = names
            group.create_dataset(names[0].decode(), data=rng.standard_normal(shape).astype(np.float32) * 0.5)
            group.create_dataset(names[1].decode(), data=rng.standard_normal(shape[1]).astype(np.float32) * 0.1)


def main():
    os.makedirs(OUT, exist_ok=True)
    for file_name, optimizer in CASES.items():
        write(os.path.join(OUT, file_name), optimizer, np.random.default_rng(42))
        print("wrote", os.path.join("dl4j-schedules", "src", "test", "resources", "keras", file_name))


if __name__ == "__main__":
    main()
