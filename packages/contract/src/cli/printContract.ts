import { contractSdl } from '../contractSdl';

contractSdl().then(
  (sdl) => process.stdout.write(sdl),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
