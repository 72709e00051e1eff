print('pkg.deep: init', __package__)
